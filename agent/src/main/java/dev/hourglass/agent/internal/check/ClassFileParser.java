package dev.hourglass.agent.internal.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Reads a class file into a {@link ClassModel}: for a class in scope its methods' calls, handles and creations
 * with their lines; for a class out of scope only its place in the type hierarchy and its method signatures.
 *
 * <p>A lambda or a method reference that is the supplier of {@code Workflow.sideEffect} is marked exempt. The
 * rule is syntactic and errs on the side of reporting: the {@code invokedynamic} that makes the supplier must be
 * followed directly (no instruction in between) by the {@code INVOKESTATIC} of {@code Workflow.sideEffect}. The
 * supplier is that call's last argument, so the value the {@code invokedynamic} left on the stack is then the
 * very supplier the call receives. A supplier stored in a variable first, or chosen by a conditional, is not
 * recognised and its code is walked like any other.
 */
final class ClassFileParser extends ClassVisitor {

    static final String SUPPRESS_DESCRIPTOR = "Ldev/hourglass/workflow/SuppressDeterminismCheck;";
    static final String ACTIVITY_INTERFACE_DESCRIPTOR = "Ldev/hourglass/activity/ActivityInterface;";
    private static final String WORKFLOW = "dev/hourglass/workflow/Workflow";
    private static final String SIDE_EFFECT = "sideEffect";
    private static final String SIDE_EFFECT_DESCRIPTOR =
            "(Ljava/lang/Class;Ljava/util/function/Supplier;)Ljava/lang/Object;";

    private final boolean inScope;
    private final Map<String, MethodModel> methods = new LinkedHashMap<>();
    private String name;
    private String superName;
    private List<String> interfaces = List.of();
    private int access;
    private String sourceFile;
    private boolean activityInterface;

    private ClassFileParser(boolean inScope) {
        super(OpenedClassReader.ASM_API);
        this.inScope = inScope;
    }

    /**
     * Reads a class file.
     *
     * @param bytes the class file
     * @param inScope whether to read the code of its methods
     * @throws IllegalArgumentException if the class file is malformed or of a version the reader does not know
     */
    static ClassModel parse(byte[] bytes, boolean inScope) {
        ClassReader reader = OpenedClassReader.of(bytes);
        ClassFileParser parser = new ClassFileParser(inScope);
        int flags = inScope ? ClassReader.SKIP_FRAMES : ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG
                | ClassReader.SKIP_FRAMES;
        reader.accept(parser, flags);
        return new ClassModel(parser.name, parser.superName, parser.interfaces, parser.access, parser.sourceFile,
                parser.activityInterface, inScope, Collections.unmodifiableMap(parser.methods));
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
            String[] interfaces) {
        this.name = name;
        this.superName = superName;
        this.interfaces = interfaces == null ? List.of() : List.copyOf(Arrays.asList(interfaces));
        this.access = access;
    }

    @Override
    public void visitSource(String source, String debug) {
        this.sourceFile = source;
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        if (descriptor.equals(ACTIVITY_INTERFACE_DESCRIPTOR)) {
            activityInterface = true;
        }
        return null;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
            String[] exceptions) {
        MethodParser parser = new MethodParser(access, name, descriptor);
        // a method's own entry first, so the map keeps declaration order; the parser replaces it at the end
        methods.put(MethodModel.key(name, descriptor), parser.model());
        return parser;
    }

    /** Reads one method: its suppression, its lines and the instructions the walk follows. */
    private final class MethodParser extends MethodVisitor {
        private final int access;
        private final String name;
        private final String descriptor;
        private final List<Instruction> instructions = new ArrayList<>();
        /** The indexes in {@link #instructions} of the handles of the last instruction, if an invokedynamic. */
        private final List<Integer> pendingHandles = new ArrayList<>();
        private String suppressionReason;
        private int firstLine = -1;
        private int line = -1;

        MethodParser(int access, String name, String descriptor) {
            super(OpenedClassReader.ASM_API);
            this.access = access;
            this.name = name;
            this.descriptor = descriptor;
        }

        MethodModel model() {
            return new MethodModel(ClassFileParser.this.name, name, descriptor, access, suppressionReason, firstLine,
                    inScope ? List.copyOf(instructions) : List.of());
        }

        @Override
        public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
            if (!annotation.equals(SUPPRESS_DESCRIPTOR)) {
                return null;
            }
            suppressionReason = "";
            return new AnnotationVisitor(OpenedClassReader.ASM_API) {
                @Override
                public void visit(String element, Object value) {
                    if (element.equals("reason") && value instanceof String reason) {
                        suppressionReason = reason;
                    }
                }
            };
        }

        @Override
        public void visitLineNumber(int number, Label start) {
            line = number;
            if (firstLine < 0) {
                firstLine = number;
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor,
                boolean isInterface) {
            if (opcode == Opcodes.INVOKESTATIC && owner.equals(WORKFLOW) && method.equals(SIDE_EFFECT)
                    && methodDescriptor.equals(SIDE_EFFECT_DESCRIPTOR)) {
                for (int index : pendingHandles) {
                    instructions.set(index, instructions.get(index).exempted());
                }
            }
            pendingHandles.clear();
            instructions.add(new Instruction(Instruction.Kind.CALL, opcode, owner, method, methodDescriptor, line,
                    false));
        }

        @Override
        public void visitInvokeDynamicInsn(String method, String methodDescriptor, Handle bootstrap,
                Object... arguments) {
            pendingHandles.clear();
            for (Object argument : arguments) {
                if (argument instanceof Handle handle) {
                    int opcode = invokeOpcode(handle.getTag());
                    if (opcode != 0) {
                        pendingHandles.add(instructions.size());
                        instructions.add(new Instruction(Instruction.Kind.HANDLE, opcode, handle.getOwner(),
                                handle.getName(), handle.getDesc(), line, false));
                    }
                }
            }
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            pendingHandles.clear();
            if (opcode == Opcodes.NEW) {
                instructions.add(new Instruction(Instruction.Kind.NEW, 0, type, null, null, line, false));
            }
        }

        @Override
        public void visitInsn(int opcode) {
            pendingHandles.clear();
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            pendingHandles.clear();
        }

        @Override
        public void visitVarInsn(int opcode, int variable) {
            pendingHandles.clear();
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
            pendingHandles.clear();
            if (opcode == Opcodes.GETSTATIC || opcode == Opcodes.PUTSTATIC) {
                instructions.add(new Instruction(Instruction.Kind.STATIC_FIELD, opcode, owner, field, fieldDescriptor,
                        line, false));
            }
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            pendingHandles.clear();
        }

        @Override
        public void visitLdcInsn(Object value) {
            pendingHandles.clear();
        }

        @Override
        public void visitIincInsn(int variable, int increment) {
            pendingHandles.clear();
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            pendingHandles.clear();
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            pendingHandles.clear();
        }

        @Override
        public void visitMultiANewArrayInsn(String arrayDescriptor, int dimensions) {
            pendingHandles.clear();
        }

        @Override
        public void visitEnd() {
            methods.put(MethodModel.key(name, descriptor), model());
        }
    }

    /** The invoke opcode a method handle of this kind amounts to, or 0 for a field handle. */
    private static int invokeOpcode(int tag) {
        return switch (tag) {
            case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
            case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
            case Opcodes.H_INVOKEINTERFACE -> Opcodes.INVOKEINTERFACE;
            case Opcodes.H_INVOKESPECIAL, Opcodes.H_NEWINVOKESPECIAL -> Opcodes.INVOKESPECIAL;
            default -> 0;
        };
    }
}
