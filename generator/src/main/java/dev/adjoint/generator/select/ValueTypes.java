package dev.adjoint.generator.select;

import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.adjoint.generator.types.Ty;
import java.util.Optional;

/**
 * The types a parameter or local of a differentiated method may have: {@link MethodSelector#toTy}'s
 * primitives and arrays, and, without derivative, {@code String} and enums (of the sources or the
 * JDK, named as {@link ClassNames} names them).
 */
public final class ValueTypes {
    private ValueTypes() {}

    /** What the generator says of a local whose type neither strategy keeps (the same words from both). */
    public static String unsupportedLocal(String name, Type type) {
        return "local '" + name + "' of type " + type
                + ": supported local types are double, float, int, long, boolean, short, byte,"
                + " char, double[], float[] and their 2-D arrays, String, enums of the sources or the JDK, and"
                + " java.util.Random (imported by name: import java.util.Random;)";
    }

    /**
     * The type of a parameter of a differentiated method declared with {@code t}: those of
     * {@link #of}, {@code double[][][]}/{@code float[][][]} (read and written element by
     * element, {@code W[l]} a row block; never held by a local) and {@code int[][]} index tables.
     */
    public static Optional<Ty> ofParameter(Type t) {
        if (t.getArrayLevel() == 2
                && t.getElementType().isPrimitiveType()
                && t.getElementType().asPrimitiveType().getType()
                        == com.github.javaparser.ast.type.PrimitiveType.Primitive.INT) {
            // an index table (a region's elements, CSR rows): read, rows by name, values without derivative; a
            // parameter
            // only, as the 3-D arrays are
            return Optional.of(new Ty(Ty.Prim.INT, 2));
        }
        return t.getArrayLevel() == 3 ? MethodSelector.toTy(t, 3) : of(t);
    }

    /**
     * Whether {@code c} names {@code java.util.Random}: by that name, or by its simple name where
     * the file imports it by name (an on-demand {@code import java.util.*;} is not enough: a class
     * of the package named {@code Random}, in another file, would hide it).
     */
    public static boolean isRandom(ClassOrInterfaceType c) {
        String written = c.getNameWithScope();
        if (written.equals("java.util.Random")) {
            return true;
        }
        return written.equals("Random")
                && c.findCompilationUnit()
                        .filter(u -> u.getImports().stream()
                                .anyMatch(i -> !i.isStatic()
                                        && !i.isAsterisk()
                                        && i.getNameAsString().equals("java.util.Random")))
                        .isPresent()
                && ClassNames.qualified(c).filter("java.util.Random"::equals).isPresent();
    }

    /** Whether {@code o} is {@code new Random(...)}: of {@code java.util.Random}, no class body. */
    public static boolean isRandomCreation(com.github.javaparser.ast.expr.ObjectCreationExpr o) {
        return o.getScope().isEmpty()
                && o.getAnonymousClassBody().isEmpty()
                && o.getTypeArguments().isEmpty()
                && isRandom(o.getType());
    }

    /**
     * The type local {@code v} is declared with, seeing through {@code var} where the initializer alone
     * says it, as javac gives it: {@code var rng = new Random(seed);} is declared as {@code Random} (the
     * creation's own type node, so that {@link #isRandom} reads its file's imports). Every check that
     * reads a local's written type asks here, so that {@code var} and the written type are one case.
     */
    public static Type declaredType(com.github.javaparser.ast.body.VariableDeclarator v) {
        if (v.getType().isVarType()
                && v.getInitializer().orElse(null) instanceof com.github.javaparser.ast.expr.ObjectCreationExpr o
                && isRandomCreation(o)) {
            return o.getType();
        }
        return v.getType();
    }

    /** The type of a parameter or local declared with {@code t}, if the generator knows it. */
    public static Optional<Ty> of(Type t) {
        if (t.getArrayLevel() == 0 && t instanceof ClassOrInterfaceType c) {
            String written = c.getNameWithScope();
            if (written.equals("String") || written.equals("java.lang.String")) {
                return Optional.of(Ty.STRING);
            }
            if (isRandom(c)) {
                return Optional.of(Ty.RANDOM);
            }
            return ClassNames.enumName(c).map(Ty::enumOf);
        }
        return MethodSelector.toTy(t);
    }
}
