package dev.adjoint.generator.objects;

import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.body.MethodDeclaration;
import dev.adjoint.generator.select.MethodRequest;
import dev.adjoint.generator.types.Ty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a lifted method keeps of its objects. An instance method reads the fields {@link #leaves}
 * through parameters appended after its own, and every method generated for it takes the object
 * itself first, as {@link #SELF}, to call the user's instance methods for their values. A record
 * parameter is replaced, in its place, by one parameter per component ({@link #records}).
 *
 * @param ownerSimpleName the class, as written in its package ({@code Outer.Inner})
 * @param instance whether it is an instance method (else only its record parameters are lifted)
 * @param leaves the fields, in declaration order, each with the parameter that carries its value
 * @param ownParams how many of the lifted method's parameters are the user's, records expanded
 *     (the leaves follow)
 * @param wrtThis whether the gradient is taken with respect to the object's fields
 * @param annotated whether the user marked it {@code @Differentiable} (then it has public methods
 *     taking the objects; a method it calls only has the internal ones)
 * @param records the record parameters, in order
 * @param exactClass whether the public methods must refuse an object of a subclass: the adjoint
 *     differentiates the class's own instance methods, while the value of a call on {@code self}
 *     would come from a subclass's override
 * @param lists the {@code java.util.List} parameters, read as arrays ({@link ListParam})
 */
public record Receiver(
        String ownerSimpleName,
        boolean instance,
        List<Leaf> leaves,
        int ownParams,
        boolean wrtThis,
        boolean annotated,
        List<RecordParam> records,
        boolean exactClass,
        List<ListParam> lists) {
    /** The receiver's name in every generated method of a lifted instance method. */
    public static final String SELF = "self";

    /** Attached to the lifted declaration. */
    static final DataKey<Receiver> KEY = new DataKey<>() {};

    public Receiver {
        leaves = List.copyOf(leaves);
        records = List.copyOf(records);
        lists = List.copyOf(lists);
    }

    /**
     * A record parameter of the user's method, replaced by its components' leaves.
     *
     * @param position its index among the user's parameters
     * @param name its name
     * @param recordPackage the record's package
     * @param recordPath the record's simple names, outermost first
     * @param sourceFile the record's file name, for the header of its gradient class
     * @param components its float/double (and other primitive) components, each with its parameter
     * @param wrt whether {@code wrt} names it
     * @param elements for an array of records or objects ({@code Layer[] layers}), how its leaves
     *     are gathered from the elements; empty for a record
     * @param nested the components that are records themselves, outermost first (their leaves'
     *     fields are paths, {@code in.x})
     * @param held for a field of the object ({@code Layer[] layers} of {@code Net}), the field: the
     *     public methods read it from {@code self}, not from a parameter, and its gradient is the
     *     same field of the object's gradient class; empty for a parameter of the user's
     * @param accessors whether its components are read through accessors ({@code p.k()}, a record)
     *     rather than as fields ({@code s.x}, an object of a class)
     */
    public record RecordParam(
            int position,
            String name,
            String recordPackage,
            List<String> recordPath,
            String sourceFile,
            List<Leaf> components,
            boolean wrt,
            Optional<Elements> elements,
            List<Nested> nested,
            Optional<Held> held,
            boolean accessors) {
        public RecordParam {
            recordPath = List.copyOf(recordPath);
            components = List.copyOf(components);
            nested = List.copyOf(nested);
        }

        RecordParam withWrt(boolean wrt) {
            return new RecordParam(
                    position,
                    name,
                    recordPackage,
                    recordPath,
                    sourceFile,
                    components,
                    wrt,
                    elements,
                    nested,
                    held,
                    accessors);
        }

        RecordParam withHeld(Held held) {
            return new RecordParam(
                    position,
                    name,
                    recordPackage,
                    recordPath,
                    sourceFile,
                    components,
                    wrt,
                    elements,
                    nested,
                    Optional.of(held),
                    accessors);
        }

        /**
         * How the component at {@code path} ({@code in.x}) of {@code base} is read: each step
         * through an accessor where a record holds it, as a field where an object does
         * ({@code o.in().x()}, {@code s.p.k()}).
         */
        public String readPath(String base, String path) {
            return Receiver.readPath(accessors, nested, base, path);
        }

        /** Whether it is a field of the object rather than a parameter of the user's. */
        public boolean isHeld() {
            return held.isPresent();
        }
    }

    /**
     * How the component at {@code path} ({@code in.x}) of {@code base} is read, the outermost
     * record or object read through accessors when {@code accessors}, each of {@code nested} as it
     * says ({@link RecordParam#readPath}).
     */
    static String readPath(boolean accessors, List<Nested> nested, String base, String path) {
        StringBuilder out = new StringBuilder(base);
        boolean through = accessors;
        int from = 0;
        while (true) {
            int dot = path.indexOf('.', from);
            String step = dot < 0 ? path.substring(from) : path.substring(from, dot);
            out.append('.').append(step).append(through ? "()" : "");
            if (dot < 0) {
                return out.toString();
            }
            String prefix = path.substring(0, dot);
            through = nested.stream()
                    .filter(n -> n.path().equals(prefix))
                    .findFirst()
                    .map(Nested::accessors)
                    .orElse(true);
            from = dot + 1;
        }
    }

    /**
     * A field of the object whose type is a record or an array of records or objects of the
     * sources: lifted as a parameter of the method that reads it (see {@code HeldObjects}).
     *
     * @param field the field's name
     * @param isPrivate whether the generated classes read it through a {@code VarHandle}
     */
    public record Held(String field, boolean isPrivate) {}

    /**
     * A component of a record parameter that is a record of the sources itself.
     *
     * @param path its path from the parameter ({@code in}, {@code in.deep})
     * @param recordPackage its record's package
     * @param recordPath its record's simple names, outermost first
     * @param sourceFile its record's file name
     * @param accessors whether its components are read through accessors (a record) or as fields (an object)
     */
    public record Nested(
            String path, String recordPackage, List<String> recordPath, String sourceFile, boolean accessors) {
        public Nested {
            recordPath = List.copyOf(recordPath);
        }
    }

    /**
     * How the leaves of an array of records or objects are gathered from its elements, without
     * copying a number: the array's length is one {@code int} leaf; a 1-D component
     * {@code double[] b} becomes a {@code double[][]} leaf whose rows are the elements' arrays; a
     * 2-D component {@code double[][] w} a {@code double[][]} leaf holding every element's rows one
     * element after the other, and an {@code int[]} leaf of where each element's rows start
     * (length + 1 entries).
     *
     * @param count the leaf holding the array's length
     * @param accessors whether the elements are records (read {@code e.w()}) or objects ({@code e.w})
     * @param components the components read, in declaration order
     * @param mirrored every component the element type's gradient class mirrors (those the
     *     generator can carry), as leaves named after themselves
     */
    public record Elements(String count, boolean accessors, List<Gathered> components, List<Leaf> mirrored) {
        public Elements {
            components = List.copyOf(components);
            mirrored = List.copyOf(mirrored);
        }
    }

    /**
     * One component of the elements, gathered.
     *
     * @param component its name
     * @param type its type ({@code double[][]})
     * @param rows the leaf holding the rows
     * @param at for a 2-D component, the leaf of each element's first row; else empty
     * @param ordinal whether the component is an enum, gathered as its constants' ordinals (an {@code int} leaf)
     */
    public record Gathered(String component, Ty type, String rows, Optional<String> at, boolean ordinal) {
        /** A component of a number type. */
        public Gathered(String component, Ty type, String rows, Optional<String> at) {
            this(component, type, rows, at, false);
        }
    }

    /**
     * One field of the object the method may read.
     *
     * @param field the field's name
     * @param param the parameter that carries its value in the lifted method
     * @param type its type
     * @param isPrivate whether the generated class must read it through a {@code VarHandle}
     * @param boxed whether the method assigns this scalar field, so that its parameter is a
     *     one-element array of {@code type} (see {@code FieldWrites}) that the public methods fill
     *     from the field and copy back into it
     */
    public record Leaf(String field, String param, Ty type, boolean isPrivate, boolean boxed) {
        /** A field or component the method only reads. */
        public Leaf(String field, String param, Ty type, boolean isPrivate) {
            this(field, param, type, isPrivate, false);
        }
    }

    /** The receiver of {@code r}'s method when it is a lifted instance method. */
    public static Optional<Receiver> of(MethodRequest r) {
        return of(r.declaration());
    }

    /** The receiver of a lifted declaration. */
    public static Optional<Receiver> of(MethodDeclaration d) {
        return d.containsData(KEY) ? Optional.of(d.getData(KEY)) : Optional.empty();
    }

    /**
     * The call computing {@code callee}'s value in generated code: {@code owner.name(args)} for a
     * static method, {@code self.name(own args)} for a lifted one (its leaves are the object's
     * fields, which the method reads itself).
     */
    public static String primalCall(MethodRequest callee, String owner, List<String> args) {
        if (callee.name().startsWith(dev.adjoint.generator.select.ClassSpelling.TANGENT_PREFIX)) {
            // a tangent helper of the adjoint class (for Hvp), not a method of the object: static, the object first
            return owner + "." + callee.name() + "(" + String.join(", ", generatedArgs(callee, args)) + ")";
        }
        Optional<Receiver> rc = of(callee).filter(Receiver::instance);
        if (rc.isEmpty()) {
            return owner + "." + callee.name() + "("
                    + String.join(
                            ", ",
                            of(callee)
                                    .map(r -> r.recordsRebuilt(args, owner, callee.packageName(), callee.ownerPath()))
                                    .orElse(args))
                    + ")";
        }
        // the user's instance method takes its own parameters (its records made again), not the leaves
        return SELF + "." + callee.name() + "("
                + String.join(
                        ", ",
                        rc.get()
                                .recordsRebuilt(
                                        args.subList(0, rc.get().ownParams()),
                                        owner,
                                        callee.packageName(),
                                        callee.ownerPath()))
                + ")";
    }

    /**
     * {@code args}, the arguments of the lifted static method, as the user's method takes them:
     * each record's components (all of them: a record passed on has no other) made into the
     * record again, {@code new p.Params(k, c)}.
     */
    private List<String> recordsRebuilt(
            List<String> args, String ownerSpelled, String ownerPackage, List<String> ownerPath) {
        List<String> out = new ArrayList<>();
        int at = 0;
        for (int i = 0; at < args.size(); i++) {
            final int position = i;
            Optional<RecordParam> p =
                    records.stream().filter(r -> r.position() == position).findFirst();
            if (p.isEmpty()) {
                out.add(args.get(at++));
                continue;
            }
            int n = p.get().components().size();
            List<String> path = p.get().recordPath();
            // a record nested in the callee's class is named through the class as the generated code spells it
            String type = p.get().recordPackage().equals(ownerPackage)
                            && path.size() > ownerPath.size()
                            && path.subList(0, ownerPath.size()).equals(ownerPath)
                    ? ownerSpelled + "." + String.join(".", path.subList(ownerPath.size(), path.size()))
                    : (p.get().recordPackage().isEmpty() ? "" : p.get().recordPackage() + ".") + String.join(".", path);
            out.add("new " + type + "(" + String.join(", ", args.subList(at, at + n)) + ")");
            at += n;
        }
        return out;
    }

    /**
     * Gives {@code call}, a call of the lifted static {@code callee} copied into generated code as
     * it stands (in a condition, say), the user's records back: {@code g(p_k, p_c, x)} becomes
     * {@code g(new p.Params(p_k, p_c), x)}, a call of the user's method ({@code ownerSpelled}: the
     * callee's class as the generated code writes it).
     */
    public static void rebuildRecords(
            MethodDeclaration callee, String ownerSpelled, com.github.javaparser.ast.expr.MethodCallExpr call) {
        Optional<Receiver> rc =
                of(callee).filter(r -> !r.instance() && !r.records().isEmpty());
        if (rc.isEmpty()) {
            return;
        }
        List<String> args = call.getArguments().stream()
                .map(com.github.javaparser.ast.Node::toString)
                .toList();
        com.github.javaparser.ast.NodeList<com.github.javaparser.ast.expr.Expression> rebuilt =
                new com.github.javaparser.ast.NodeList<>();
        String pkg = callee.findCompilationUnit()
                .flatMap(u -> u.getPackageDeclaration())
                .map(d -> d.getNameAsString())
                .orElse("");
        List<String> ownerPath = new ArrayList<>();
        for (com.github.javaparser.ast.Node n = callee.getParentNode().orElse(null);
                n != null;
                n = n.getParentNode().orElse(null)) {
            if (n instanceof com.github.javaparser.ast.body.TypeDeclaration<?> t) {
                ownerPath.add(0, t.getNameAsString()); // outermost first, as MethodRequest.ownerPath
            }
        }
        rc.get()
                .recordsRebuilt(args, ownerSpelled, pkg, ownerPath)
                .forEach(a -> rebuilt.add(com.github.javaparser.StaticJavaParser.parseExpression(a)));
        call.setArguments(rebuilt);
    }

    /**
     * Makes {@code helper}, a method generated for the lifted instance method {@code of} and parsed
     * again (its tangent, differentiated in reverse for {@code Hvp}), take the object first as
     * {@code of}'s generated methods do: its adjoint calls the object's methods for their values.
     * Nothing for a method that is not an instance method.
     */
    public static void takesSelfLike(MethodDeclaration helper, MethodRequest of) {
        of(of).filter(Receiver::instance)
                .ifPresent(rc -> helper.setData(
                        KEY,
                        new Receiver(
                                rc.ownerSimpleName(),
                                true,
                                List.of(),
                                rc.ownParams(),
                                false,
                                false,
                                List.of(),
                                false,
                                List.of())));
    }

    /** The arguments of a call to one of {@code callee}'s generated methods: the receiver first for a lifted one. */
    public static List<String> generatedArgs(MethodRequest callee, List<String> args) {
        return generatedArgs(callee, args, SELF);
    }

    /** As {@link #generatedArgs(MethodRequest, List)}, over nodes: {@code self} is {@link #SELF}'s. */
    public static <T> List<T> generatedArgs(MethodRequest callee, List<T> args, T self) {
        if (of(callee).filter(Receiver::instance).isEmpty()) {
            return args;
        }
        List<T> all = new ArrayList<>();
        all.add(self);
        all.addAll(args);
        return all;
    }

    /** The generated methods' name prefix of a lifted method: its public ones wrap these, which take the leaves. */
    public static MethodRequest internal(MethodRequest r) {
        return of(r).isPresent() ? r.withAdjointName("_" + r.adjointName()) : r;
    }

    /** The public name of a lifted request's generated methods ({@code loss} for {@code _loss}). */
    public static String publicName(MethodRequest r) {
        return r.adjointName().substring(1);
    }
}
