package dev.adjoint.generator.testing;

import dev.adjoint.DoubleGrad;
import dev.adjoint.FloatGrad;
import dev.adjoint.check.GradCheck;
import dev.adjoint.generator.Translation;
import dev.adjoint.generator.analyze.Options;
import dev.adjoint.generator.parse.SourceParser;
import dev.adjoint.generator.pipeline.Pipeline;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.select.MethodSelector;
import dev.adjoint.generator.select.Param;
import dev.adjoint.generator.types.Ty;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user class run through the generator and compiled with its adjoint, so that tests can call
 * the original methods and their generated gradients side by side.
 */
public final class Differentiated {
    private final String owner;
    private final ClassLoader loader;
    private final Map<String, MethodRequest> requests = new HashMap<>();
    private final Translation translation;

    private Differentiated(String owner, ClassLoader loader, List<MethodRequest> requests, Translation translation) {
        this.owner = owner;
        this.loader = loader;
        requests.forEach(r -> this.requests.put(r.name(), r));
        this.translation = translation;
    }

    /**
     * Generates and compiles the adjoint of {@code source}, a class named {@code ownerQualified}.
     *
     * @throws AssertionError when the generator reports an error or javac rejects the output
     */
    public static Differentiated of(String ownerQualified, String source, Options options) {
        Path file = Path.of(ownerQualified.substring(ownerQualified.lastIndexOf('.') + 1) + ".java");
        Translation t = Pipeline.translate(Map.of(file, source), Optional.empty(), options);
        if (t.hasErrors()) {
            throw new AssertionError("generator errors:\n"
                    + String.join(
                            "\n", t.diagnostics().stream().map(Object::toString).toList()));
        }
        Map<String, String> all = new HashMap<>(t.generated());
        all.put(ownerQualified, source);
        ClassLoader cl = InMemoryCompiler.compile(all);
        return new Differentiated(ownerQualified, cl, requests(file, source), t);
    }

    /**
     * The requests of {@code source}, selected on a thread with a large stack as the generator
     * translates (a test thread's stack overflows in the parser at a few hundred levels of nesting).
     */
    private static List<MethodRequest> requests(Path file, String source) {
        return requests(file, source, Map.of());
    }

    /** The same, the sources {@code others} (file to text) telling it their enums (a parameter may be of one). */
    private static List<MethodRequest> requests(Path file, String source, Map<Path, String> others) {
        List<List<MethodRequest>> out = new java.util.ArrayList<>();
        Thread t = new Thread(
                null,
                () -> {
                    com.github.javaparser.ast.CompilationUnit unit =
                            SourceParser.parse(file, source).unit().orElseThrow();
                    List<com.github.javaparser.ast.CompilationUnit> units = new java.util.ArrayList<>(List.of(unit));
                    others.forEach(
                            (f, text) -> SourceParser.parse(f, text).unit().ifPresent(units::add));
                    dev.adjoint.generator.select.ClassNames.shareEnums(units);
                    FreshReceivers.selectAsStatic(unit); // (an instance method: its object made by invoke)
                    out.add(MethodSelector.select(file, unit).requests());
                },
                "test-select",
                512L << 20);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (out.isEmpty()) {
            throw new AssertionError("cannot select the methods of " + file);
        }
        return out.get(0);
    }

    /**
     * As {@link #of(String, String, Options)}, with further classes ({@code others}: fully qualified
     * name to source) translated and compiled together with {@code ownerQualified}: its methods may
     * call theirs. Only {@code ownerQualified}'s methods are selected (by {@link #request}).
     */
    public static Differentiated of(String ownerQualified, String source, Map<String, String> others, Options options) {
        return of(ownerQualified, source, others, translate(ownerQualified, source, others, options));
    }

    /** What the generator makes of {@code ownerQualified} and {@code others} (as {@link #of(String, String, Map, Options)} takes them). */
    public static Translation translate(
            String ownerQualified, String source, Map<String, String> others, Options options) {
        return Pipeline.translate(files(ownerQualified, source, others), Optional.empty(), options);
    }

    /** As {@link #of(String, String, Map, Options)}, compiling {@code t}, the translation {@link #translate} gave. */
    public static Differentiated of(String ownerQualified, String source, Map<String, String> others, Translation t) {
        Map<Path, String> files = files(ownerQualified, source, others);
        Path file = fileOf(ownerQualified);
        if (t.hasErrors()) {
            throw new AssertionError("generator errors:\n"
                    + String.join(
                            "\n", t.diagnostics().stream().map(Object::toString).toList()));
        }
        Map<String, String> all = new HashMap<>(t.generated());
        all.put(ownerQualified, source);
        all.putAll(others);
        ClassLoader cl = InMemoryCompiler.compile(all);
        Map<Path, String> otherFiles = new java.util.TreeMap<>(files);
        otherFiles.remove(file);
        return new Differentiated(ownerQualified, cl, requests(file, source, otherFiles), t);
    }

    private static Path fileOf(String qualified) {
        return Path.of(qualified.substring(qualified.lastIndexOf('.') + 1) + ".java");
    }

    private static Map<Path, String> files(String ownerQualified, String source, Map<String, String> others) {
        Map<Path, String> files = new java.util.TreeMap<>();
        files.put(fileOf(ownerQualified), source);
        others.forEach((name, text) -> files.put(fileOf(name), text));
        return files;
    }

    /** The class loader holding the compiled class and its adjoint. */
    public ClassLoader loader() {
        return loader;
    }

    /** What the generator produced. */
    public Translation translation() {
        return translation;
    }

    /** The selected facts of method {@code name}. */
    public MethodRequest request(String name) {
        MethodRequest r = requests.get(name);
        if (r == null) {
            throw new AssertionError("no @Differentiable method " + name);
        }
        return r;
    }

    /** Calls the original method. */
    public double value(String name, Object... args) {
        MethodRequest r = request(name);
        String binary = (r.packageName().isEmpty() ? "" : r.packageName() + ".") + String.join("$", r.ownerPath());
        return ((Number) invoke(binary, name, args)).doubleValue();
    }

    /** The wrt parameters of {@code name} at {@code args}, flattened into one vector. */
    public double[] point(String name, Object... args) {
        List<Double> out = new ArrayList<>();
        List<Param> ps = request(name).params();
        for (int i = 0; i < ps.size(); i++) {
            if (!ps.get(i).wrt()) {
                continue;
            }
            Object a = args[i];
            if (a instanceof double[] d) {
                for (double v : d) {
                    out.add(v);
                }
            } else if (a instanceof float[] f) {
                for (float v : f) {
                    out.add((double) v);
                }
            } else if (a instanceof double[][] dd) {
                for (double[] row : dd) {
                    for (double v : row) {
                        out.add(v);
                    }
                }
            } else if (a instanceof float[][] ff) {
                for (float[] row : ff) {
                    for (float v : row) {
                        out.add((double) v);
                    }
                }
            } else if (a instanceof Object[] layers) {
                // a 3-D array, layer by layer
                for (double v : flatten(layers)) {
                    out.add(v);
                }
            } else {
                out.add(((Number) a).doubleValue());
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** {@code args} with the wrt parameters replaced by the values in {@code x}. */
    public Object[] at(String name, Object[] args, double[] x) {
        Object[] copy = args.clone();
        List<Param> ps = request(name).params();
        int k = 0;
        for (int i = 0; i < ps.size(); i++) {
            Object a = args[i];
            if (a instanceof double[] d) {
                copy[i] = d.clone();
            } else if (a instanceof float[] f) {
                copy[i] = f.clone();
            } else if (a != null && a.getClass().isArray()) {
                copy[i] = copyArgument(a);
            }
            if (!ps.get(i).wrt()) {
                continue;
            }
            if (copy[i] instanceof double[] d) {
                for (int j = 0; j < d.length; j++) {
                    d[j] = x[k++];
                }
            } else if (copy[i] instanceof float[] f) {
                for (int j = 0; j < f.length; j++) {
                    f[j] = (float) x[k++];
                }
            } else if (copy[i] instanceof double[][] dd) {
                for (double[] row : dd) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = x[k++];
                    }
                }
            } else if (copy[i] instanceof float[][] ff) {
                for (float[] row : ff) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = (float) x[k++];
                    }
                }
            } else if (copy[i] instanceof Object[] layers) {
                for (Object layer : layers) {
                    for (Object row : (Object[]) layer) {
                        for (int j = 0; j < java.lang.reflect.Array.getLength(row); j++) {
                            if (row instanceof float[] f) {
                                f[j] = (float) x[k++];
                            } else {
                                ((double[]) row)[j] = x[k++];
                            }
                        }
                    }
                }
            } else if (ps.get(i).type().prim() == Ty.Prim.FLOAT) {
                copy[i] = (float) x[k++];
            } else {
                copy[i] = x[k++];
            }
        }
        return copy;
    }

    /** The outcome of one {@code nameGrad} or {@code nameVjp} call. */
    public record GradCall(double value, double[] gradient) {}

    /** Calls {@code nameVjp(args, seed, fresh buffers)} and flattens the buffers. */
    public GradCall vjp(String name, double seed, Object... args) {
        return vjpInto(name, seed, newBuffers(name, args), args);
    }

    /**
     * Fresh (zero) gradient buffers for {@code name} at {@code args}, in the order of its wrt
     * parameters: {@code double[]}/{@code float[]} for arrays, {@link DoubleGrad}/{@link FloatGrad}
     * for scalars.
     */
    public Object[] newBuffers(String name, Object... args) {
        MethodRequest r = request(name);
        List<Object> buffers = new ArrayList<>();
        for (int i = 0; i < r.params().size(); i++) {
            Param p = r.params().get(i);
            if (!p.wrt()) {
                continue;
            }
            Object b;
            if (args[i] instanceof double[] d) {
                b = new double[d.length];
            } else if (args[i] instanceof float[] f) {
                b = new float[f.length];
            } else if (args[i] instanceof double[][] dd) {
                double[][] z = new double[dd.length][];
                for (int j = 0; j < dd.length; j++) {
                    z[j] = new double[dd[j].length];
                }
                b = z;
            } else if (args[i] instanceof float[][] ff) {
                float[][] z = new float[ff.length][];
                for (int j = 0; j < ff.length; j++) {
                    z[j] = new float[ff[j].length];
                }
                b = z;
            } else if (args[i] instanceof Object[] layers) {
                b = zeros(layers);
            } else if (p.type().prim() == Ty.Prim.FLOAT) {
                b = new FloatGrad();
            } else {
                b = new DoubleGrad();
            }
            buffers.add(b);
        }
        return buffers.toArray();
    }

    /**
     * Calls {@code nameVjp(args, seed, buffers)}, adding into the caller's {@code buffers} (see
     * {@link #newBuffers}); returns the value and the buffers' contents after the call.
     */
    public GradCall vjpInto(String name, double seed, Object[] buffers, Object... args) {
        MethodRequest r = request(name);
        List<Object> callArgs = new ArrayList<>(java.util.Arrays.asList(at(name, args, point(name, args))));
        callArgs.add(r.result().prim() == Ty.Prim.FLOAT ? (Object) (float) seed : (Object) seed);
        callArgs.addAll(List.of(buffers));
        double v = ((Number) invoke(r.adjointQualifiedName(), name + "Vjp", callArgs.toArray())).doubleValue();
        return new GradCall(v, flatten(buffers));
    }

    /** Calls {@code nameGrad(args, fresh buffers)} (the seed-1 entry point) and flattens the buffers. */
    public GradCall grad(String name, Object... args) {
        MethodRequest r = request(name);
        Object[] buffers = newBuffers(name, args);
        List<Object> callArgs = new ArrayList<>(java.util.Arrays.asList(at(name, args, point(name, args))));
        callArgs.addAll(List.of(buffers));
        double v = ((Number) invoke(r.adjointQualifiedName(), name + "Grad", callArgs.toArray())).doubleValue();
        return new GradCall(v, flatten(buffers));
    }

    /** The contents of gradient buffers, flattened in order into one vector. */
    public static double[] flatten(Object[] buffers) {
        List<Double> g = new ArrayList<>();
        for (Object b : buffers) {
            if (b instanceof double[] d) {
                for (double x : d) {
                    g.add(x);
                }
            } else if (b instanceof float[] f) {
                for (float x : f) {
                    g.add((double) x);
                }
            } else if (b instanceof double[][] dd) {
                for (double[] row : dd) {
                    for (double x : row) {
                        g.add(x);
                    }
                }
            } else if (b instanceof float[][] ff) {
                for (float[] row : ff) {
                    for (float x : row) {
                        g.add((double) x);
                    }
                }
            } else if (b instanceof Object[] layers) {
                for (double x : flatten(layers)) {
                    g.add(x);
                }
            } else if (b instanceof DoubleGrad dg) {
                g.add(dg.get());
            } else {
                g.add((double) ((FloatGrad) b).get());
            }
        }
        return g.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A zero array of {@code layers}' shape (a 3-D array's gradient buffer). */
    private static Object[] zeros(Object[] layers) {
        Object[] z = layers.clone();
        for (int l = 0; l < z.length; l++) {
            Object[] rows = ((Object[]) layers[l]).clone();
            for (int r = 0; r < rows.length; r++) {
                rows[r] = rows[r] instanceof float[] f ? new float[f.length] : new double[((double[]) rows[r]).length];
            }
            z[l] = rows;
        }
        return z;
    }

    /** The names of the selected {@code @Differentiable} methods, sorted. */
    public List<String> methodNames() {
        return requests.keySet().stream().sorted().toList();
    }

    /**
     * {@link #assertGradient(String, Differentiated, String, double, double, Object...)} with the
     * oracle's arguments given explicitly: for an oracle whose extra non-wrt parameters hold
     * values frozen at the point (what {@code Adjoint.detach} means).
     */
    public GradCheck.Report assertGradientAgainst(
            String name,
            Differentiated oracle,
            String oracleName,
            Object[] oracleArgs,
            double rtol,
            double atol,
            Object... args) {
        GradCall call = vjp(name, 1.0, args);
        double[] x0 = oracle.point(oracleName, oracleArgs);
        return GradCheck.assertGradient(
                x -> oracle.value(oracleName, oracle.at(oracleName, oracleArgs, x)), x0, call.gradient(), rtol, atol);
    }

    /**
     * Asserts that {@code name}'s generated gradient at {@code args} matches central differences
     * of {@code oracle}'s method {@code oracleName} (the same method, or its double twin), and that
     * the adjoint returns the original value.
     */
    public GradCheck.Report assertGradient(
            String name, Differentiated oracle, String oracleName, double rtol, double atol, Object... args) {
        GradCall call = vjp(name, 1.0, args);
        double primal = value(name, at(name, args, point(name, args)));
        if (Double.compare(primal, call.value()) != 0
                && Math.abs(primal - call.value()) > 1e-12 * Math.max(1, Math.abs(primal))) {
            throw new AssertionError(name + ": adjoint returned " + call.value() + " but the method returns " + primal);
        }
        Object[] oracleArgs = oracle == this && oracleName.equals(name) ? args : twinArgs(args);
        double[] x0 = oracle.point(oracleName, oracleArgs);
        return GradCheck.assertGradient(
                x -> oracle.value(oracleName, oracle.at(oracleName, oracleArgs, x)), x0, call.gradient(), rtol, atol);
    }

    /** The arguments with float values and arrays widened to double, for a double twin. */
    public static Object[] twinArgs(Object[] args) {
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof float[] f) {
                double[] d = new double[f.length];
                for (int j = 0; j < f.length; j++) {
                    d[j] = f[j];
                }
                out[i] = d;
            } else if (args[i] instanceof float[][] ff) {
                double[][] dd = new double[ff.length][];
                for (int r = 0; r < ff.length; r++) {
                    dd[r] = new double[ff[r].length];
                    for (int j = 0; j < ff[r].length; j++) {
                        dd[r][j] = ff[r][j];
                    }
                }
                out[i] = dd;
            } else if (args[i] instanceof float[][][] fff) {
                double[][][] ddd = new double[fff.length][][];
                for (int l = 0; l < fff.length; l++) {
                    ddd[l] = (double[][]) twinArgs(new Object[] {fff[l]})[0];
                }
                out[i] = ddd;
            } else if (args[i] instanceof Float f) {
                out[i] = f.doubleValue();
            } else {
                out[i] = args[i];
            }
        }
        return out;
    }

    /** A deep copy of one argument: arrays (1-D and 2-D) are copied, anything else is returned as is. */
    public static Object copyArgument(Object a) {
        if (a instanceof double[] d) {
            return d.clone();
        } else if (a instanceof float[] f) {
            return f.clone();
        } else if (a instanceof double[][] dd) {
            double[][] c = new double[dd.length][];
            for (int i = 0; i < dd.length; i++) {
                c[i] = dd[i].clone();
            }
            return c;
        } else if (a instanceof float[][] ff) {
            float[][] c = new float[ff.length][];
            for (int i = 0; i < ff.length; i++) {
                c[i] = ff[i].clone();
            }
            return c;
        } else if (a instanceof Object[] layers && !(a instanceof double[][]) && !(a instanceof float[][])) {
            // a 3-D array, layer by layer
            Object[] c = layers.clone();
            for (int l = 0; l < c.length; l++) {
                c[l] = copyArgument(layers[l]);
            }
            return c;
        } else if (a instanceof int[] i) {
            return i.clone(); // index tables and counts the method may write
        } else if (a instanceof long[] l) {
            return l.clone();
        } else if (a instanceof boolean[] b) {
            return b.clone();
        }
        return a;
    }

    /** {@link #copyArgument} of each argument. */
    public static Object[] copyArguments(Object[] args) {
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            out[i] = copyArgument(args[i]);
        }
        return out;
    }

    /**
     * Calls the original method {@code name} with {@code args} as they are (arrays are not copied,
     * so the caller sees what the method writes into them) and returns its result as is (a boxed
     * scalar or an array).
     */
    public Object invokeOriginal(String name, Object... args) {
        MethodRequest r = request(name);
        String binary = (r.packageName().isEmpty() ? "" : r.packageName() + ".") + String.join("$", r.ownerPath());
        return invoke(binary, name, args);
    }

    /**
     * Calls {@code nameVjp(args..., seed, buffers...)} with {@code args} as they are (not copied)
     * and returns its result as is. {@code seed} must have the result's type: a boxed {@code double}
     * or {@code float}, or a {@code double[]}/{@code float[]} for an array result.
     */
    public Object invokeVjp(String name, Object[] args, Object seed, Object[] buffers) {
        List<Object> callArgs = new ArrayList<>(java.util.Arrays.asList(args)); // (an absent optional array is null)
        callArgs.add(seed);
        callArgs.addAll(List.of(buffers));
        return invoke(request(name).adjointQualifiedName(), name + "Vjp", callArgs.toArray());
    }

    /**
     * Calls {@code nameGrad(args..., buffers...)} with {@code args} as they are (not copied) and
     * returns its result as is.
     */
    public Object invokeGrad(String name, Object[] args, Object[] buffers) {
        List<Object> callArgs = new ArrayList<>(java.util.Arrays.asList(args)); // (an absent optional array is null)
        callArgs.addAll(List.of(buffers));
        return invoke(request(name).adjointQualifiedName(), name + "Grad", callArgs.toArray());
    }

    /**
     * Calls the generated method {@code generated} (such as {@code fJvp}) of {@code name}'s adjoint
     * class with {@code args} as they are, and returns its result as is.
     */
    public Object invokeGenerated(String name, String generated, Object... args) {
        return invoke(request(name).adjointQualifiedName(), generated, args);
    }

    /** The names of the methods of the adjoint class of {@code name}'s owner. */
    public List<String> adjointMethodNames(String name) {
        try {
            Class<?> c = loader.loadClass(request(name).adjointQualifiedName());
            return java.util.Arrays.stream(c.getDeclaredMethods())
                    .map(Method::getName)
                    .sorted()
                    .toList();
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * An enum constant given by name, for an argument (a test does not load the compiled classes):
     * the constant of the compiled enum is passed.
     *
     * @param enumName the enum's qualified name ({@code corpus.Selectors.Mode})
     */
    public record EnumConstant(String enumName, String constant) {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object invoke(String className, String method, Object[] given) {
        try {
            Class<?> c = loader.loadClass(className);
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(method) && m.getParameterCount() == given.length) {
                    m.setAccessible(true);
                    // an enum constant by name: the constant of the parameter's enum (a float class's twin has its own)
                    Object[] args = given.clone();
                    for (int i = 0; i < args.length; i++) {
                        if (args[i] instanceof EnumConstant e) {
                            args[i] = Enum.valueOf((Class) m.getParameterTypes()[i], e.constant());
                        }
                    }
                    return m.invoke(FreshReceivers.receiver(c, m), args); // (an instance method: on a fresh object)
                }
            }
            Optional<Method> withObject = FreshReceivers.takingTheObject(c, method, given.length);
            if (withObject.isPresent()) {
                return FreshReceivers.invoke(withObject.get(), given); // (a generated method of an instance method)
            }
            throw new AssertionError("no method " + className + "." + method + " with " + given.length + " parameters");
        } catch (InvocationTargetException e) {
            throw new AssertionError(className + "." + method + " threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
