package dev.hourglass.agent.internal;

import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Inserts a check before each instruction of a method that calls, or makes a method reference to, a catalog entry.
 *
 * <ul>
 *   <li>A call whose owner, name and descriptor match an entry: {@code push id; invokestatic Checks.check(I)V}.
 *   <li>A call on another owner whose name and descriptor an entry with a receiver type may have
 *       ({@code myThread.start()}, {@code list.parallelStream()}): the receiver is copied and checked at run time
 *       with {@code Checks.checkReceiver(Object, int)}. For a method with arguments, the arguments are first stored
 *       in new local variables past the method's own, and loaded back after the check; nothing else in the method
 *       moves, so its stack map frames stay valid.
 *   <li>An {@code invokedynamic} of {@code LambdaMetafactory} whose implementation is such a call: its bootstrap
 *       method becomes {@link CheckedLambdas#metafactory}, given where the reference is written, the candidate
 *       entries and the original arguments.
 * </ul>
 *
 * <p>The inserted code never branches and leaves the stack as it found it, so the original call then proceeds
 * unchanged; the method's max stack grows by 2 and its max locals by what the stored arguments need.
 */
final class CheckingMethodVisitor extends MethodVisitor {

    private static final String LAMBDA_METAFACTORY = "java/lang/invoke/LambdaMetafactory";
    private static final Handle CHECKED_METAFACTORY = new Handle(Opcodes.H_INVOKESTATIC, CheckedLambdas.INTERNAL_NAME,
            "metafactory", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
                    + "[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;", false);

    private final String where;
    private final String sourceFile;
    private final int firstFreeLocal;
    private final Runnable changed;
    private int line = -1;
    private int extraLocals;

    /**
     * @param where the class and method, as {@code com.acme.OrderImpl.place}
     * @param sourceFile the source file the class names, or {@code null}
     * @param firstFreeLocal the method's max locals: the first local variable it never uses
     * @param changed told when the method changes
     */
    CheckingMethodVisitor(MethodVisitor delegate, String where, String sourceFile, int firstFreeLocal,
            Runnable changed) {
        super(Opcodes.ASM9, delegate);
        this.where = where;
        this.sourceFile = sourceFile;
        this.firstFreeLocal = firstFreeLocal;
        this.changed = changed;
    }

    @Override
    public void visitLineNumber(int line, Label start) {
        this.line = line;
        super.visitLineNumber(line, start);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        ForbiddenCalls.Entry entry = ForbiddenCalls.match(owner, name, descriptor);
        if (entry != null) {
            push(entry.id());
            super.visitMethodInsn(Opcodes.INVOKESTATIC, Checks.INTERNAL_NAME, "check", "(I)V", false);
            changed.run();
        } else if (opcode != Opcodes.INVOKESTATIC && !name.equals("<init>")) {
            int[] ids = ReceiverMatches.of(name, descriptor);
            if (ids.length > 0) {
                checkReceiver(descriptor, ids);
                changed.run();
            }
        }
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    private void checkReceiver(String descriptor, int[] ids) {
        Type[] arguments = Type.getArgumentTypes(descriptor);
        int[] slots = new int[arguments.length];
        int next = firstFreeLocal;
        for (int i = 0; i < arguments.length; i++) {
            slots[i] = next;
            next += arguments[i].getSize();
        }
        extraLocals = Math.max(extraLocals, next - firstFreeLocal);
        for (int i = arguments.length - 1; i >= 0; i--) {
            super.visitVarInsn(arguments[i].getOpcode(Opcodes.ISTORE), slots[i]);
        }
        for (int id : ids) {
            super.visitInsn(Opcodes.DUP);
            push(id);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, Checks.INTERNAL_NAME, "checkReceiver",
                    "(Ljava/lang/Object;I)V", false);
        }
        for (int i = 0; i < arguments.length; i++) {
            super.visitVarInsn(arguments[i].getOpcode(Opcodes.ILOAD), slots[i]);
        }
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        if (bootstrap.getOwner().equals(LAMBDA_METAFACTORY) && arguments.length >= 3
                && arguments[1] instanceof Handle) {
            Handle implementation = (Handle) arguments[1];
            String ids = CheckedLambdas.candidates(implementation.getTag(), implementation.getOwner(),
                    implementation.getName(), implementation.getDesc());
            if (ids != null) {
                boolean alternate = bootstrap.getName().equals("altMetafactory");
                Object[] checked = new Object[arguments.length + 3];
                checked[0] = callSite();
                checked[1] = alternate ? CheckedLambdas.ALTERNATE : 0;
                checked[2] = ids;
                System.arraycopy(arguments, 0, checked, 3, arguments.length);
                super.visitInvokeDynamicInsn(name, descriptor, CHECKED_METAFACTORY, checked);
                changed.run();
                return;
            }
        }
        super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        super.visitMaxs(maxStack + 2, maxLocals + extraLocals);
    }

    /** Where the instruction being visited is written, as {@code com.acme.OrderImpl.place(OrderImpl.java:42)}. */
    private String callSite() {
        String file = sourceFile == null ? "Unknown Source" : line >= 0 ? sourceFile + ":" + line : sourceFile;
        return where + "(" + file + ")";
    }

    private void push(int value) {
        if (value <= 5) {
            super.visitInsn(Opcodes.ICONST_0 + value);
        } else if (value <= Byte.MAX_VALUE) {
            super.visitIntInsn(Opcodes.BIPUSH, value);
        } else {
            super.visitIntInsn(Opcodes.SIPUSH, value);
        }
    }
}
