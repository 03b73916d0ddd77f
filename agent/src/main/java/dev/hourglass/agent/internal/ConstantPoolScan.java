package dev.hourglass.agent.internal;

import net.bytebuddy.jar.asm.ClassReader;

/**
 * Tells from a class's constant pool alone whether its code may call a catalog entry: every call site and every
 * method reference names its method through a {@code CONSTANT_Methodref} or {@code CONSTANT_InterfaceMethodref}
 * entry, so a class without a matching one has nothing to rewrite and its code need not be read.
 */
final class ConstantPoolScan {

    private static final int METHODREF = 10;
    private static final int INTERFACE_METHODREF = 11;

    private ConstantPoolScan() {
    }

    /** Whether the class names a method that the catalog matches, by owner or by receiver. */
    static boolean mayCallForbidden(ClassReader reader) {
        char[] buffer = new char[reader.getMaxStringLength()];
        int count = reader.getItemCount();
        for (int i = 1; i < count; i++) {
            int offset = reader.getItem(i);
            if (offset == 0) {
                continue; // the second slot of a long or double
            }
            int tag = reader.readByte(offset - 1);
            if (tag != METHODREF && tag != INTERFACE_METHODREF) {
                continue;
            }
            String owner = reader.readClass(offset, buffer);
            int nameAndType = reader.getItem(reader.readUnsignedShort(offset + 2));
            String name = reader.readUTF8(nameAndType, buffer);
            String descriptor = reader.readUTF8(nameAndType + 2, buffer);
            if (ForbiddenCalls.match(owner, name, descriptor) != null
                    || !name.equals("<init>") && ReceiverMatches.of(name, descriptor).length > 0) {
                return true;
            }
        }
        return false;
    }
}
