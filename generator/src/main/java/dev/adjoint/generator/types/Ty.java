package dev.adjoint.generator.types;

/**
 * A Java type the generator understands: a primitive, or an array of {@code double}/{@code float}
 * ({@code dims} 1 or 2); or, without derivative, {@code String} or an enum.
 *
 * @param enumName for an enum, its qualified name ({@code p.Model.Mode}, {@code java.time.DayOfWeek}),
 *     as the adjoint class writes it; {@code null} for every other type
 */
public record Ty(Prim prim, int dims, String enumName) {

    public Ty {
        if ((prim == Prim.ENUM) != (enumName != null)) {
            throw new IllegalArgumentException("an enum type, and only one, names its class: " + prim + " " + enumName);
        }
    }

    /** A primitive or {@code String} type, or an array of one. */
    public Ty(Prim prim, int dims) {
        this(prim, dims, null);
    }

    /** Primitive element types. */
    public enum Prim {
        DOUBLE("double"),
        FLOAT("float"),
        LONG("long"),
        INT("int"),
        BOOLEAN("boolean"),
        /** The narrow integral types: parameters and locals without derivative, saved on the {@code int} stack. */
        SHORT("short"),
        BYTE("byte"),
        CHAR("char"),
        /**
         * {@code String} and enums: parameters and locals without derivative that nothing saves (a local
         * of these types is assigned once, outside loops), read by {@code ==}, {@code switch} and
         * the calls {@link dev.adjoint.generator.select.InactiveReceivers} allows.
         */
        STRING("String"),
        ENUM("enum"),
        /**
         * A {@code java.util.Random} created in the method from a seed: a local without derivative,
         * assigned once, whose calls ({@code nextGaussian()}, ...) draw values without derivative.
         * A draw changes the generator, so a value drawn is computed once, in the forward sweep, and
         * saved where the reverse sweep needs it, never drawn again.
         */
        RANDOM("java.util.Random");

        private final String java;

        Prim(String java) {
            this.java = java;
        }

        /** The Java keyword. */
        public String java() {
            return java;
        }
    }

    public static final Ty DOUBLE = new Ty(Prim.DOUBLE, 0);
    public static final Ty FLOAT = new Ty(Prim.FLOAT, 0);
    public static final Ty LONG = new Ty(Prim.LONG, 0);
    public static final Ty INT = new Ty(Prim.INT, 0);
    public static final Ty BOOLEAN = new Ty(Prim.BOOLEAN, 0);
    public static final Ty CHAR = new Ty(Prim.CHAR, 0);
    public static final Ty STRING = new Ty(Prim.STRING, 0);
    public static final Ty RANDOM = new Ty(Prim.RANDOM, 0);

    /** The enum of this qualified name. */
    public static Ty enumOf(String qualifiedName) {
        return new Ty(Prim.ENUM, 0, qualifiedName);
    }

    /** Whether this is {@code String}, an enum or a {@code Random}: a reference without derivative. */
    public boolean isObject() {
        return dims == 0 && (prim == Prim.STRING || prim == Prim.ENUM || prim == Prim.RANDOM);
    }

    /** A scalar of {@code prim}. */
    public static Ty of(Prim prim) {
        return new Ty(prim, 0);
    }

    /** Whether values of this type can carry a derivative: {@code float}, {@code double} and their arrays. */
    public boolean isFloating() {
        return prim == Prim.DOUBLE || prim == Prim.FLOAT;
    }

    /** Whether this is a scalar {@code float} or {@code double}. */
    public boolean isFloatingScalar() {
        return dims == 0 && isFloating();
    }

    /** Whether this is an array type. */
    public boolean isArray() {
        return dims > 0;
    }

    /** Whether this is a scalar integer type ({@code char} included, as in JLS 4.2.1). */
    public boolean isIntegral() {
        return dims == 0 && (prim == Prim.INT || prim == Prim.LONG || isNarrow());
    }

    /** Whether this is a {@code short}, {@code byte} or {@code char} scalar: promoted to {@code int} by arithmetic (JLS 5.6). */
    public boolean isNarrow() {
        return dims == 0 && (prim == Prim.SHORT || prim == Prim.BYTE || prim == Prim.CHAR);
    }

    /** The type of one element ({@code double[][]} → {@code double[]}). */
    public Ty element() {
        if (dims == 0) {
            throw new IllegalStateException(this + " is not an array");
        }
        return new Ty(prim, dims - 1, enumName);
    }

    /** Java source text of this type. */
    public String java() {
        return (prim == Prim.ENUM ? enumName : prim.java()) + "[]".repeat(dims);
    }

    /** The literal zero of this scalar type, as Java source. */
    public String zero() {
        return switch (prim) {
            case DOUBLE -> "0.0";
            case FLOAT -> "0.0f";
            case LONG -> "0L";
            case INT -> "0";
            case SHORT -> "(short) 0";
            case BYTE -> "(byte) 0";
            case CHAR -> "'\\0'";
            case STRING, ENUM, RANDOM -> "null";
            case BOOLEAN -> "false";
        };
    }

    @Override
    public String toString() {
        return java();
    }
}
