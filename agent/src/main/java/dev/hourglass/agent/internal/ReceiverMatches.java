package dev.hourglass.agent.internal;

import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalog entries that a call site on an owner the catalog does not list may reach, depending on its receiver:
 * {@code myThread.start()} on a subclass of {@code Thread}, {@code list.parallelStream()} on a {@code List}.
 *
 * <p>An entry that matches every descriptor of its name ({@code BlockingQueue.put(...)}) counts only for the
 * descriptors that its JDK owners really have: {@code map.put(key, value)} cannot reach
 * {@code BlockingQueue.put(item)}, so it is not checked at all, which keeps the check off the hottest calls of
 * ordinary code.
 */
final class ReceiverMatches {

    private static final int[] NONE = new int[0];
    /** For each entry with a receiver type: the descriptors of its name among the methods of its JDK owners. */
    private static final Map<Integer, Set<String>> OWNER_DESCRIPTORS = ownerDescriptors();
    private static final Map<String, int[]> CACHE = new ConcurrentHashMap<>();

    private ReceiverMatches() {
    }

    /** The ids of the entries a call of {@code name} with {@code descriptor} may reach, in catalog order. */
    static int[] of(String name, String descriptor) {
        return CACHE.computeIfAbsent(name + descriptor, key -> compute(name, descriptor));
    }

    private static int[] compute(String name, String descriptor) {
        List<ForbiddenCalls.Entry> candidates = ForbiddenCalls.matchByReceiver(name, descriptor);
        List<Integer> ids = new ArrayList<>();
        for (ForbiddenCalls.Entry entry : candidates) {
            if (!entry.descriptors().isEmpty() || OWNER_DESCRIPTORS.get(entry.id()).contains(descriptor)) {
                ids.add(entry.id());
            }
        }
        if (ids.isEmpty()) {
            return NONE;
        }
        int[] result = new int[ids.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = ids.get(i);
        }
        return result;
    }

    private static Map<Integer, Set<String>> ownerDescriptors() {
        Map<Integer, Set<String>> byEntry = new ConcurrentHashMap<>();
        for (ForbiddenCalls.Entry entry : ForbiddenCalls.entries()) {
            if (entry.receiverType() == null || !entry.descriptors().isEmpty()) {
                continue;
            }
            Set<String> descriptors = new HashSet<>();
            for (String owner : entry.owners()) {
                for (Method method : Checks.jdkClass(owner).getMethods()) {
                    if (method.getName().equals(entry.name())) {
                        descriptors.add(MethodType.methodType(method.getReturnType(), method.getParameterTypes())
                                .toMethodDescriptorString());
                    }
                }
            }
            byEntry.put(entry.id(), descriptors);
        }
        return byEntry;
    }
}
