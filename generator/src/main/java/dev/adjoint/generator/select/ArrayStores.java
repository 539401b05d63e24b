package dev.adjoint.generator.select;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a compiled method may write into an array it is given, read from its class file's
 * bytecode (the classpath's methods have no source to read). A method provably writes none when
 * its code stores into no array at all, stores no reference into a field, and hands arrays (or
 * values typed {@code Object}) only to static methods of its own class of which the same holds. Anything else, or a class file that cannot be read, counts as
 * writing: the caller's gradient must never miss a write.
 */
final class ArrayStores {
    private ArrayStores() {}

    /** Whether {@code m} may write an array argument (true unless its bytecode shows it cannot). */
    static boolean mayWrite(Method m) {
        try {
            return !clean(read(m.getDeclaringClass()), m.getName(), descriptor(m), new HashSet<>());
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** A class file's constant pool and the code of its methods, by name and descriptor. */
    private record ClassFile(String name, Object[] pool, java.util.Map<String, byte[]> code) {}

    private static ClassFile read(Class<?> c) throws IOException {
        ClassLoader l = c.getClassLoader();
        try (InputStream in =
                l == null ? null : l.getResourceAsStream(c.getName().replace('.', '/') + ".class")) {
            if (in == null) {
                throw new IOException("no class file for " + c.getName());
            }
            DataInputStream d = new DataInputStream(new ByteArrayInputStream(in.readAllBytes()));
            d.readInt(); // magic
            d.readInt(); // minor, major version
            int count = d.readUnsignedShort();
            Object[] pool = new Object[count];
            for (int i = 1; i < count; i++) {
                int tag = d.readUnsignedByte();
                switch (tag) {
                    case 1 -> pool[i] = d.readUTF();
                    case 3, 4 -> d.readInt();
                    case 5, 6 -> {
                        d.readLong();
                        i++; // (a long or double takes two entries)
                    }
                    case 7, 8, 16, 19, 20 -> pool[i] = new int[] {d.readUnsignedShort()};
                    case 9, 10, 11, 12, 17, 18 -> pool[i] = new int[] {d.readUnsignedShort(), d.readUnsignedShort()};
                    case 15 -> {
                        d.readUnsignedByte();
                        d.readUnsignedShort();
                    }
                    default -> throw new IOException("constant pool tag " + tag);
                }
            }
            d.readUnsignedShort(); // access flags
            String name = className(pool, d.readUnsignedShort());
            d.readUnsignedShort(); // super class
            d.skipBytes(2 * d.readUnsignedShort()); // interfaces
            int fields = d.readUnsignedShort();
            for (int i = 0; i < fields; i++) {
                d.skipBytes(6);
                skipAttributes(d);
            }
            java.util.Map<String, byte[]> code = new java.util.HashMap<>();
            int methods = d.readUnsignedShort();
            for (int i = 0; i < methods; i++) {
                d.readUnsignedShort();
                String key = pool[d.readUnsignedShort()] + "" + pool[d.readUnsignedShort()];
                int attributes = d.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    String attribute = (String) pool[d.readUnsignedShort()];
                    byte[] body = new byte[d.readInt()];
                    d.readFully(body);
                    if (attribute.equals("Code")) {
                        DataInputStream b = new DataInputStream(new ByteArrayInputStream(body));
                        b.readInt(); // max stack, max locals
                        byte[] bytes = new byte[b.readInt()];
                        b.readFully(bytes);
                        code.put(key, bytes);
                    }
                }
            }
            return new ClassFile(name, pool, code);
        }
    }

    private static void skipAttributes(DataInputStream d) throws IOException {
        int n = d.readUnsignedShort();
        for (int i = 0; i < n; i++) {
            d.readUnsignedShort();
            d.skipBytes(d.readInt());
        }
    }

    private static String className(Object[] pool, int index) {
        return (String) pool[((int[]) pool[index])[0]];
    }

    /** Whether method {@code name}{@code descriptor} of {@code cf} provably writes no array it is given. */
    private static boolean clean(ClassFile cf, String name, String descriptor, Set<String> seen) {
        if (!seen.add(name + descriptor)) {
            return true; // on the path already: its other instructions decide
        }
        byte[] code = cf.code().get(name + descriptor);
        if (code == null) {
            return false; // native or abstract: nothing to read
        }
        int pc = 0;
        while (pc < code.length) {
            int op = code[pc] & 0xFF;
            if (op >= 0x4f && op <= 0x56) {
                return false; // iastore ... sastore
            }
            if (op == 0xb3 || op == 0xb5) { // putstatic, putfield
                String type = (String) cf.pool()[((int[]) cf.pool()[((int[]) cf.pool()[u2(code, pc + 1)])[1]])[1]];
                if (!primitive(type)) {
                    return false; // a reference kept where later code may write through it
                }
            }
            if (op >= 0xb6 && op <= 0xba && !callLeavesArrays(cf, code, pc, op, seen)) {
                return false;
            }
            pc += length(code, pc, op);
        }
        return true;
    }

    private static boolean callLeavesArrays(ClassFile cf, byte[] code, int pc, int op, Set<String> seen) {
        int[] ref = (int[]) cf.pool()[u2(code, pc + 1)];
        int[] nameAndType = (int[]) cf.pool()[ref[1]];
        String name = (String) cf.pool()[nameAndType[0]];
        String descriptor = (String) cf.pool()[nameAndType[1]];
        if (op != 0xba && className(cf.pool(), ref[0]).startsWith("[")) {
            return false; // a method of an array itself (clone)
        }
        if (!mayTakeArray(descriptor)) {
            return true; // (a string concatenation or an exception's message takes strings and numbers)
        }
        return op == 0xb8 && className(cf.pool(), ref[0]).equals(cf.name()) && clean(cf, name, descriptor, seen);
    }

    /** Types every array has besides its own: a parameter of one may receive an array. */
    private static final Set<ClassDesc> ARRAY_SUPERTYPES =
            Set.of(ConstantDescs.CD_Object, ClassDesc.of("java.lang.Cloneable"), ClassDesc.of("java.io.Serializable"));

    /** Whether a parameter of the method {@code descriptor} may receive an array: an array type, or a type every array has. */
    private static boolean mayTakeArray(String descriptor) {
        return MethodTypeDesc.ofDescriptor(descriptor).parameterList().stream()
                .anyMatch(t -> t.isArray() || ARRAY_SUPERTYPES.contains(t));
    }

    /** Whether a run of field descriptors names primitive types only. */
    private static boolean primitive(String descriptors) {
        return descriptors.indexOf('L') < 0 && descriptors.indexOf('[') < 0;
    }

    private static int u2(byte[] code, int at) {
        return ((code[at] & 0xFF) << 8) | (code[at + 1] & 0xFF);
    }

    private static int s4(byte[] code, int at) {
        return (u2(code, at) << 16) | u2(code, at + 2);
    }

    /** The length of the instruction at {@code pc} (JVMS 6.5). */
    private static int length(byte[] code, int pc, int op) {
        if (op == 0xaa || op == 0xab) {
            int at = (pc + 4) & ~3; // operands start at a multiple of four
            if (op == 0xaa) {
                return at - pc + 12 + 4 * (s4(code, at + 8) - s4(code, at + 4) + 1);
            }
            return at - pc + 8 + 8 * s4(code, at + 4);
        }
        if (op == 0xc4) {
            return (code[pc + 1] & 0xFF) == 0x84 ? 6 : 4;
        }
        if (op == 0x10
                || op == 0x12
                || (op >= 0x15 && op <= 0x19)
                || (op >= 0x36 && op <= 0x3a)
                || op == 0xa9
                || op == 0xbc) {
            return 2;
        }
        if (op == 0x11
                || op == 0x13
                || op == 0x14
                || op == 0x84
                || (op >= 0x99 && op <= 0xa8)
                || (op >= 0xb2 && op <= 0xb8)
                || op == 0xbb
                || op == 0xbd
                || op == 0xc0
                || op == 0xc1
                || op == 0xc6
                || op == 0xc7) {
            return 3;
        }
        if (op == 0xc5) {
            return 4;
        }
        if (op == 0xb9 || op == 0xba || op == 0xc8 || op == 0xc9) {
            return 5;
        }
        return 1;
    }

    private static String descriptor(Method m) {
        StringBuilder b = new StringBuilder("(");
        for (Class<?> p : m.getParameterTypes()) {
            b.append(descriptor(p));
        }
        return b.append(')').append(descriptor(m.getReturnType())).toString();
    }

    private static String descriptor(Class<?> c) {
        if (c.isArray()) {
            return c.getName().replace('.', '/');
        }
        if (!c.isPrimitive()) {
            return "L" + c.getName().replace('.', '/') + ";";
        }
        return Optional.of(c)
                .map(p -> p == double.class
                        ? "D"
                        : p == float.class
                                ? "F"
                                : p == int.class
                                        ? "I"
                                        : p == long.class
                                                ? "J"
                                                : p == boolean.class
                                                        ? "Z"
                                                        : p == byte.class
                                                                ? "B"
                                                                : p == char.class ? "C" : p == short.class ? "S" : "V")
                .get();
    }
}
