package dev.adjoint.generator.objects;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import dev.adjoint.generator.types.Ty;
import java.util.Optional;

/**
 * Which {@code java.util.List} types a differentiated method reads as data, and as what array: a
 * {@code List<Double>} as a {@code double[]} (likewise {@code Float}, {@code Integer}), a
 * {@code List<double[]>} as a {@code double[][]} (likewise {@code float[]}), a list of records or
 * classes of the sources as an array of them. {@code List} is {@code java.util.List} as javac
 * resolves the name: written {@code java.util.List}, or {@code List} imported by name and not hidden
 * by a type of the file (an on-demand {@code import java.util.*;} is not enough: a class of the
 * package named {@code List}, in another file, would hide it).
 */
final class ListTypes {
    private ListTypes() {}

    /**
     * A list type as the method reads it.
     *
     * @param array the array type that replaces it ({@code double[]}, {@code Obs[]})
     * @param values what the generated code fills from the list; empty for records or objects
     * @param element the element type as written ({@code Double}, {@code Obs})
     */
    record Read(Type array, Optional<Ty> values, Type element) {
        /** Whether its elements are boxed numbers ({@code Double}), unboxed into the array. */
        boolean boxed() {
            return values.filter(t -> t.dims() == 1).isPresent();
        }
    }

    /** Whether {@code t} names {@code java.util.List}, with or without type arguments. */
    static boolean isList(Type t) {
        if (!(t instanceof ClassOrInterfaceType c)) {
            return false;
        }
        String written = c.getNameWithScope();
        if (written.equals("java.util.List")) {
            return true;
        }
        Optional<CompilationUnit> unit = c.findCompilationUnit();
        return written.equals("List")
                && unit.isPresent()
                && unit.get().getImports().stream()
                        .anyMatch(i -> !i.isStatic()
                                && !i.isAsterisk()
                                && i.getNameAsString().equals("java.util.List"))
                && unit.get().findAll(TypeDeclaration.class).stream()
                        .noneMatch(d -> d.getNameAsString().equals("List"));
    }

    /** Whether {@code t} is {@code List} as the file may mean {@code java.util.List} by an on-demand import. */
    static boolean isListOnDemand(Type t) {
        return t instanceof ClassOrInterfaceType c
                && c.getNameWithScope().equals("List")
                && !isList(t)
                && c.findCompilationUnit()
                        .filter(u -> u.getImports().stream()
                                .anyMatch(i -> !i.isStatic()
                                        && i.isAsterisk()
                                        && i.getNameAsString().equals("java.util")))
                        .isPresent();
    }

    /**
     * How a method reads list type {@code t} (a {@code java.util.List}), seen from package
     * {@code pkg}; empty when its element type is not one a method can read as data (then {@link
     * #whyNot} says why).
     */
    static Optional<Read> read(Type t, String pkg, RecordTypes records) {
        Optional<Type> element = element(t);
        if (element.isEmpty()) {
            return Optional.empty();
        }
        Type e = element.get();
        if (e instanceof ClassOrInterfaceType c && c.getTypeArguments().isEmpty()) {
            Optional<Ty.Prim> boxed = switch (c.getNameWithScope()) {
                case "Double", "java.lang.Double" -> Optional.of(Ty.Prim.DOUBLE);
                case "Float", "java.lang.Float" -> Optional.of(Ty.Prim.FLOAT);
                case "Integer", "java.lang.Integer" -> Optional.of(Ty.Prim.INT);
                default -> Optional.empty();
            };
            if (boxed.isPresent()) {
                PrimitiveType p = primitive(boxed.get());
                return Optional.of(new Read(new ArrayType(p), Optional.of(new Ty(boxed.get(), 1)), e));
            }
            if (records.resolve(e, pkg).isPresent()
                    || records.resolveClass(e, pkg).isPresent()) {
                return Optional.of(new Read(new ArrayType(e.clone()), Optional.empty(), e));
            }
            return Optional.empty();
        }
        if (e.isArrayType()
                && e.asArrayType().getArrayLevel() == 1
                && e.getElementType() instanceof PrimitiveType p
                && (p.getType() == PrimitiveType.Primitive.DOUBLE || p.getType() == PrimitiveType.Primitive.FLOAT)) {
            Ty.Prim prim = p.getType() == PrimitiveType.Primitive.DOUBLE ? Ty.Prim.DOUBLE : Ty.Prim.FLOAT;
            return Optional.of(new Read(new ArrayType(e.clone()), Optional.of(new Ty(prim, 2)), e));
        }
        return Optional.empty();
    }

    /** Why list type {@code t}, which {@link #read} does not take, cannot be read, and what to do. */
    static String whyNot(Type t) {
        Optional<Type> element = element(t);
        if (element.isEmpty() && ((ClassOrInterfaceType) t).getTypeArguments().isPresent()) {
            return "a List of a wildcard type, whose elements the method cannot name; write List<Double>, List<Obs>";
        }
        if (element.isEmpty()) {
            return "a raw List, whose elements' type is unknown; give it (List<Double>, List<Obs>)";
        }
        if (isList(element.get())) {
            return "a List of Lists is not supported; pass a double[][] (one row per inner list, ragged"
                    + " if they differ in length)";
        }
        return "a differentiated method reads a List whose elements are Double, Float, Integer, double[],"
                + " float[], or records or classes of the sources; pass these values as an array";
    }

    /** The one type argument of {@code t}; empty for a raw type (or a wildcard). */
    private static Optional<Type> element(Type t) {
        return ((ClassOrInterfaceType) t)
                .getTypeArguments()
                .filter(a -> a.size() == 1 && !a.get(0).isWildcardType())
                .map(a -> a.get(0));
    }

    private static PrimitiveType primitive(Ty.Prim p) {
        return switch (p) {
            case FLOAT -> PrimitiveType.floatType();
            case INT -> PrimitiveType.intType();
            default -> PrimitiveType.doubleType();
        };
    }

    /** The boxed class whose unboxing method reads a {@code List} of {@code values}' elements ({@code doubleValue}). */
    static String unboxing(Ty values) {
        return switch (values.prim()) {
            case FLOAT -> "floatValue";
            case INT -> "intValue";
            default -> "doubleValue";
        };
    }
}
