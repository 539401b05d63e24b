package dev.adjoint.benchmarks.report;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The size of each method of a compiled class, read from its class file (JVMS §4; the module runs on
 * Java 17, before {@code java.lang.classfile}): the bytes of its bytecode (the {@code Code}
 * attribute's {@code code_length}, what HotSpot's inlining and compilation limits count) and the
 * source lines its code spans (the smallest and largest line of its {@code LineNumberTable}, from
 * the first statement to the last; javac writes the table by default).
 */
final class MethodSizes {
    private MethodSizes() {}

    /**
     * One method.
     *
     * @param name its name ({@code objectiveVjp})
     * @param descriptor its JVM descriptor
     * @param codeBytes the length of its bytecode, 0 without code (abstract, native)
     * @param firstLine the smallest source line of its code, 0 without a line table
     * @param lastLine the largest
     */
    record Method(String name, String descriptor, int codeBytes, int firstLine, int lastLine) {
        /** The source lines from the first statement to the last, 0 without a line table. */
        int lines() {
            return firstLine == 0 ? 0 : lastLine - firstLine + 1;
        }
    }

    /** The methods of the class {@code binaryName} on this class's class path, in class-file order. */
    static List<Method> of(String binaryName) {
        String resource = binaryName.replace('.', '/') + ".class";
        try (InputStream in = MethodSizes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no class file " + resource + " on the class path");
            }
            return read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The methods of a class file. */
    static List<Method> read(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        String[] utf8 = constantPoolStrings(in);
        in.readUnsignedShort(); // access flags
        in.readUnsignedShort(); // this class
        in.readUnsignedShort(); // super class
        in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
        int fields = in.readUnsignedShort();
        for (int f = 0; f < fields; f++) {
            in.skipNBytes(6); // access, name, descriptor
            skipAttributes(in);
        }
        int methods = in.readUnsignedShort();
        List<Method> out = new ArrayList<>(methods);
        for (int i = 0; i < methods; i++) {
            in.readUnsignedShort(); // access
            String name = utf8[in.readUnsignedShort()];
            String descriptor = utf8[in.readUnsignedShort()];
            int codeBytes = 0;
            int first = 0;
            int last = 0;
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String attribute = utf8[in.readUnsignedShort()];
                int length = in.readInt();
                if (!attribute.equals("Code")) {
                    in.skipNBytes(length);
                    continue;
                }
                in.skipNBytes(4); // max_stack, max_locals
                codeBytes = in.readInt();
                in.skipNBytes(codeBytes);
                in.skipNBytes(8L * in.readUnsignedShort()); // exception table
                int codeAttributes = in.readUnsignedShort();
                for (int c = 0; c < codeAttributes; c++) {
                    String codeAttribute = utf8[in.readUnsignedShort()];
                    int codeAttributeLength = in.readInt();
                    if (!codeAttribute.equals("LineNumberTable")) {
                        in.skipNBytes(codeAttributeLength);
                        continue;
                    }
                    int entries = in.readUnsignedShort();
                    for (int e = 0; e < entries; e++) {
                        in.readUnsignedShort(); // start_pc
                        int line = in.readUnsignedShort();
                        first = first == 0 ? line : Math.min(first, line);
                        last = Math.max(last, line);
                    }
                }
            }
            out.add(new Method(name, descriptor, codeBytes, first, last));
        }
        return out;
    }

    /** Reads the constant pool, keeping its UTF-8 entries (names and descriptors) by index. */
    private static String[] constantPoolStrings(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF(); // Utf8: modified UTF-8 with a u2 length, as readUTF expects
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2); // Class, String, MethodType, Module, Package
                case 15 -> in.skipNBytes(3); // MethodHandle
                case 3, 4, 9, 10, 11, 12, 17, 18 ->
                    in.skipNBytes(4); // Integer, Float, refs, NameAndType, (Invoke)Dynamic
                case 5, 6 -> {
                    in.skipNBytes(8); // Long, Double: take two entries
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        return utf8;
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.readUnsignedShort(); // name
            in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
        }
    }
}
