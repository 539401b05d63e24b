package dev.adjoint.generator.size;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What javac made of a method: the length of its bytecode, read from the class file. */
final class ClassFiles {
    private ClassFiles() {}

    /** The length of each method's Code attribute in a class file, by name (the longest of overloads). */
    static Map<String, Integer> codeLengths(byte[] classFile) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
            in.readInt(); // magic
            in.readUnsignedShort(); // minor
            in.readUnsignedShort(); // major
            int count = in.readUnsignedShort();
            List<String> utf8 = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                utf8.add(null);
            }
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8.set(i, in.readUTF());
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> skip(in, 4);
                    case 5, 6 -> {
                        skip(in, 8);
                        i++; // (a long or a double takes two entries)
                    }
                    case 7, 8, 16, 19, 20 -> skip(in, 2);
                    case 15 -> skip(in, 3);
                    default -> throw new IllegalStateException("constant pool tag " + tag);
                }
            }
            skip(in, 6); // access, this, super
            skip(in, 2 * in.readUnsignedShort()); // interfaces
            for (int f = in.readUnsignedShort(); f > 0; f--) {
                skip(in, 6);
                skipAttributes(in);
            }
            Map<String, Integer> out = new HashMap<>();
            for (int m = in.readUnsignedShort(); m > 0; m--) {
                in.readUnsignedShort(); // access
                String name = utf8.get(in.readUnsignedShort());
                in.readUnsignedShort(); // descriptor
                for (int a = in.readUnsignedShort(); a > 0; a--) {
                    String attribute = utf8.get(in.readUnsignedShort());
                    int length = in.readInt();
                    if (attribute.equals("Code")) {
                        skip(in, 4); // max_stack, max_locals
                        int code = in.readInt();
                        out.merge(name, code, Math::max);
                        skip(in, length - 8);
                    } else {
                        skip(in, length);
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        for (int a = in.readUnsignedShort(); a > 0; a--) {
            in.readUnsignedShort();
            skip(in, in.readInt());
        }
    }

    private static void skip(InputStream in, long n) throws IOException {
        in.skipNBytes(n);
    }
}
