package dev.hourglass.agent.internal.check;

import dev.hourglass.agent.internal.ForbiddenCalls;
import dev.hourglass.agent.internal.check.ClassRepository.Resolution;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Walks the methods reachable from a workflow class, breadth first, and reports the forbidden calls it meets.
 *
 * <p><b>Where it starts.</b> Every method and constructor (and the static initialiser) that the workflow class
 * and its superclasses in scope declare, except those the compiler made (lambda bodies, bridges), and the default
 * methods of its interfaces in scope that it does not override: workflow methods, signal handlers and query
 * methods all are among them.
 *
 * <p><b>What it follows.</b> Calls into classes in scope ({@code ClassScope}), and the method handles of
 * {@code invokedynamic} (the code of lambdas and method references) when they are made, except the supplier of
 * {@code Workflow.sideEffect} (see {@link ClassFileParser}). A call whose owner is out of scope is checked against
 * the catalog and not followed: the catalog names the JDK's entry points. A call of an inherited instance method
 * counts when its owner is a subtype of the type the catalog entry names as receiver, whether the owner is a
 * user's class ({@code MyThread.start()}) or a JDK type the entry does not list ({@code List.parallelStream()}).
 *
 * <p><b>Virtual calls</b> are resolved up the hierarchy of the class the call names. The methods that override
 * them are found by a rapid type analysis: the walk records the classes in scope it sees created ({@code NEW},
 * {@code Foo::new}, and the workflow class itself) and walks an overriding method of such a class when a call of
 * one of its supertypes' methods is reached, whether the call names a type in scope or not ({@code Map.put} on
 * an application's map). Code out of scope, which the walk does not read, calls some methods of the objects it is
 * given: a created class's {@code toString}, {@code equals} and {@code hashCode}, its implementations of the one
 * abstract method of an interface out of scope ({@code Runnable.run}, {@code Comparator.compare}), and its
 * implementations of Hourglass's types ({@code Functions.Func.apply}) are walked as soon as it is created. Calls
 * on an activity interface go through a stub: only its default methods, which run as workflow code, are walked,
 * never an implementation.
 *
 * <p><b>Static initialisers</b> run once per JVM, not once per execution: only the workflow class's is walked
 * (as a starting method). Of the other classes in scope that the walk touches (creates, calls a static method of,
 * reads or writes a static field of), the static initialiser is not walked, but the objects it creates itself are
 * taken as created: singletons, enum constants with bodies, a library's default implementations.
 *
 * <p><b>What it misses.</b> Code reached by reflection or by method handles looked up at run time; objects
 * created out of scope (by a library's code in the JDK, a dependency-injection container, deserialisation) or by
 * methods that a static initialiser calls; and code in static initialisers other than the workflow class's.
 *
 * <p><b>Suppression.</b> A method that carries {@code @SuppressDeterminismCheck} is not looked into, wherever
 * the walk reaches it from; one whose reason is blank is reported.
 */
public final class ReachabilityWalk {

    /** How many methods one walk looks into at most. */
    public static final int DEFAULT_MAX_METHODS = 20_000;

    private final ClassRepository classes;
    private final int maxMethods;
    private final Deque<Visit> queue = new ArrayDeque<>();
    /** The methods met so far, by class and method key; for lookups only, never iterated. */
    private final Set<String> visited = new HashSet<>();
    private final Set<String> instantiated = new LinkedHashSet<>();
    private final Set<String> initialised = new HashSet<>();
    /** The virtual calls met so far, by method key, each owner and key once. */
    private final Map<String, List<VirtualCall>> virtualCalls = new HashMap<>();
    private final Set<String> recordedVirtualCalls = new HashSet<>();
    private final List<WalkFinding> findings = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();
    private int walked;
    private boolean complete = true;

    private ReachabilityWalk(ClassRepository classes, int maxMethods) {
        this.classes = classes;
        this.maxMethods = maxMethods;
    }

    /**
     * Walks the code reachable from one workflow class.
     *
     * @param workflowClass the workflow implementation class
     * @param maxMethods how many methods to look into at most
     */
    public static WalkResult walk(Class<?> workflowClass, int maxMethods) {
        String root = workflowClass.getName().replace('.', '/');
        if (!ClassRepository.isInScope(root)) {
            return new WalkResult(workflowClass.getName(), List.of(), 0, true, List.of(), true);
        }
        ClassRepository classes = new ClassRepository(workflowClass.getClassLoader());
        ReachabilityWalk walk = new ReachabilityWalk(classes, maxMethods);
        walk.run(root);
        return new WalkResult(workflowClass.getName(), List.copyOf(walk.findings), walk.walked, walk.complete,
                List.copyOf(classes.unreadable()), false);
    }

    private void run(String root) {
        ClassModel model = classes.get(root);
        if (model == null) {
            return;
        }
        for (String type = root; type != null && ClassRepository.isInScope(type); ) {
            ClassModel declaring = classes.get(type);
            if (declaring == null) {
                break;
            }
            for (MethodModel method : declaring.declaredMethods()) {
                if (!method.isSynthetic() && !method.isAbstract()) {
                    enqueue(declaring, method, null, -1);
                }
            }
            type = declaring.superName();
        }
        for (String type : classes.supertypes(root)) {
            ClassModel declaring = classes.get(type);
            if (declaring != null && declaring.inScope() && declaring.isInterface()) {
                for (MethodModel method : declaring.declaredMethods()) {
                    if (!method.isStatic() && !method.isAbstract()
                            && classes.resolve(root, method.key()).method() == method) {
                        enqueue(declaring, method, null, -1);
                    }
                }
            }
        }
        instantiate(root, null, -1);
        while (!queue.isEmpty()) {
            if (walked >= maxMethods) {
                complete = false;
                return;
            }
            walked++;
            look(queue.removeFirst());
        }
    }

    private void enqueue(ClassModel declaring, MethodModel method, Visit caller, int line) {
        if (visited.add(declaring.name() + '.' + method.key())) {
            queue.addLast(new Visit(declaring, method, caller, line));
        }
    }

    private void enqueue(Resolution resolution, Visit caller, int line) {
        enqueue(resolution.declaringClass(), resolution.method(), caller, line);
    }

    private void look(Visit visit) {
        MethodModel method = visit.method();
        if (method.isSuppressed()) {
            if (method.suppressionReason().isBlank()) {
                findings.add(new WalkFinding(null, visit.path(method.firstLine())));
            }
            return;
        }
        for (Instruction instruction : method.instructions()) {
            switch (instruction.kind()) {
                case NEW -> instantiate(instruction.owner(), visit, instruction.line());
                case STATIC_FIELD -> initialise(instruction.owner(), visit, instruction.line());
                case CALL -> call(visit, instruction);
                case HANDLE -> {
                    if (!instruction.exempt()) {
                        if (instruction.name().equals("<init>")) {
                            instantiate(instruction.owner(), visit, instruction.line());
                        }
                        call(visit, instruction);
                    }
                }
            }
        }
    }

    private void call(Visit visit, Instruction call) {
        ForbiddenCalls.Entry entry = ForbiddenCalls.match(call.owner(), call.name(), call.descriptor());
        if (entry != null) {
            report(entry, visit, call.line());
            return;
        }
        String key = MethodModel.key(call.name(), call.descriptor());
        if (!ClassRepository.isInScope(call.owner())) {
            boolean virtual = call.opcode() == Opcodes.INVOKEVIRTUAL || call.opcode() == Opcodes.INVOKEINTERFACE;
            if (virtual && !call.owner().startsWith("[") && !matchByReceiver(visit, call)) {
                // not followed into the JDK, but it may run an override of a class in scope the walk creates
                recordVirtualCall(call.owner(), key, visit, call.line());
            }
            return;
        }
        switch (call.opcode()) {
            case Opcodes.INVOKESTATIC -> {
                initialise(call.owner(), visit, call.line());
                Resolution target = classes.resolveStatic(call.owner(), key);
                if (target.found()) {
                    enqueue(target, visit, call.line());
                }
            }
            case Opcodes.INVOKESPECIAL -> {
                Resolution target = call.name().equals("<init>") ? constructor(call.owner(), key)
                        : classes.resolve(call.owner(), key);
                if (target.found()) {
                    enqueue(target, visit, call.line());
                } else {
                    matchByReceiver(visit, call);
                }
            }
            default -> {
                Resolution target = classes.resolve(call.owner(), key);
                if (target.found()) {
                    enqueue(target, visit, call.line());
                } else {
                    matchByReceiver(visit, call);
                }
                boolean cannotBeOverridden = target.found() && !target.method().isOverridable();
                if (!cannotBeOverridden && !classes.isActivityInterface(call.owner())) {
                    recordVirtualCall(call.owner(), key, visit, call.line());
                }
            }
        }
    }

    private Resolution constructor(String owner, String key) {
        ClassModel model = classes.get(owner);
        MethodModel method = model == null ? null : model.method(key);
        return method == null ? Resolution.NONE : Resolution.of(model, method);
    }

    /**
     * Reports a call that the catalog lists under a supertype of its owner: {@code MyThread.start()} is
     * {@code Thread.start()}, and {@code List.parallelStream()} is {@code Collection.parallelStream()} though the
     * catalog names only {@code Collection} as its owner.
     *
     * @return whether the call was reported
     */
    private boolean matchByReceiver(Visit visit, Instruction call) {
        for (ForbiddenCalls.Entry entry : ForbiddenCalls.matchByReceiver(call.name(), call.descriptor())) {
            if (classes.isSubtype(call.owner(), entry.receiverType())) {
                report(entry, visit, call.line());
                return true;
            }
        }
        return false;
    }

    private void recordVirtualCall(String owner, String key, Visit caller, int line) {
        if (!recordedVirtualCalls.add(owner + '.' + key)) {
            return;
        }
        virtualCalls.computeIfAbsent(key, k -> new ArrayList<>()).add(new VirtualCall(owner, caller, line));
        for (String type : instantiated) {
            if (classes.isSubtype(type, owner)) {
                dispatch(type, key, caller, line);
            }
        }
    }

    private void dispatch(String type, String key, Visit caller, int line) {
        Resolution target = classes.resolve(type, key);
        if (target.found()) {
            enqueue(target, caller, line);
        }
    }

    /**
     * Takes the objects that the static initialisers of {@code type} and its superclasses create themselves as
     * created, when code the walk looks into first touches the class.
     */
    private void initialise(String type, Visit toucher, int line) {
        for (String current = type; current != null && ClassRepository.isInScope(current)
                && initialised.add(current); ) {
            ClassModel model = classes.get(current);
            if (model == null) {
                return;
            }
            MethodModel initialiser = model.method("<clinit>()V");
            if (initialiser != null) {
                for (Instruction instruction : initialiser.instructions()) {
                    if (instruction.kind() == Instruction.Kind.NEW) {
                        instantiate(instruction.owner(), toucher, line);
                    }
                }
            }
            current = model.superName();
        }
    }

    /** Records that objects of {@code type} exist, and walks the methods of it that calls met so far may run. */
    private void instantiate(String type, Visit creator, int line) {
        if (!ClassRepository.isInScope(type) || !instantiated.add(type) || classes.get(type) == null) {
            return;
        }
        initialise(type, creator, line);
        for (String supertype : classes.supertypes(type)) {
            ClassModel declaring = classes.get(supertype);
            if (declaring == null) {
                continue;
            }
            boolean callback = !declaring.inScope() && isCallback(declaring);
            for (MethodModel method : declaring.declaredMethods()) {
                if (!method.isOverridable()) {
                    continue;
                }
                if (!declaring.inScope() && (callback && method.isAbstract() || isCalledImplicitly(declaring, method))) {
                    dispatch(type, method.key(), creator, line);
                    continue;
                }
                List<VirtualCall> calls = virtualCalls.get(method.key());
                if (calls != null) {
                    for (VirtualCall call : calls) {
                        if (classes.isSubtype(type, call.owner())) {
                            dispatch(type, method.key(), call.caller(), call.line());
                        }
                    }
                }
            }
        }
    }

    /**
     * Whether code out of scope calls the abstract methods of this type on the objects it is given: a type of
     * Hourglass's, or an interface with one abstract method, the shape of a callback.
     */
    private static boolean isCallback(ClassModel type) {
        if (type.name().startsWith("dev/hourglass/")) {
            return true;
        }
        if (!type.isInterface()) {
            return false;
        }
        int abstractMethods = 0;
        for (MethodModel method : type.declaredMethods()) {
            if (method.isAbstract() && !method.isStatic() && !OBJECT_METHODS.contains(method.key())) {
                abstractMethods++;
            }
        }
        return abstractMethods == 1;
    }

    /** Whether the JDK calls this method of {@code Object} without the code saying so: string concatenation, maps. */
    private static boolean isCalledImplicitly(ClassModel declaring, MethodModel method) {
        return declaring.name().equals("java/lang/Object") && OBJECT_METHODS.contains(method.key());
    }

    private static final Set<String> OBJECT_METHODS = Set.of("toString()Ljava/lang/String;",
            "equals(Ljava/lang/Object;)Z", "hashCode()I");

    /** Reports a call once per method, line and catalog entry: two clock reads on one line make one finding. */
    private void report(ForbiddenCalls.Entry entry, Visit visit, int line) {
        String site = visit.declaring().name() + '.' + visit.method().key() + ':' + line + '#' + entry.id();
        if (reported.add(site)) {
            findings.add(new WalkFinding(entry, visit.path(line)));
        }
    }

    /** A virtual call on an owner in scope, with the first method met that makes it. */
    private record VirtualCall(String owner, Visit caller, int line) {
    }

    /** A method the walk looks into, and the call that led there ({@code null} for a starting method). */
    private record Visit(ClassModel declaring, MethodModel method, Visit caller, int callerLine) {

        /**
         * The path from a starting method to this one, the last step at {@code line}; bridge methods, which only
         * pass the call on to the method of the same name, are left out.
         */
        List<Step> path(int line) {
            List<Step> path = new ArrayList<>();
            int at = line;
            for (Visit visit = this; visit != null; visit = visit.caller()) {
                MethodModel method = visit.method();
                if (!method.isBridge() || visit == this) {
                    path.add(0, new Step(visit.declaring().name().replace('/', '.'), method.name(),
                            visit.declaring().sourceFile(), at, method.isAnnotatable()));
                }
                at = visit.callerLine();
            }
            return List.copyOf(path);
        }
    }
}
