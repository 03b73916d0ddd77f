package dev.hourglass.agent.internal.check;

import java.util.List;

/**
 * The outcome of walking the code reachable from one workflow class.
 *
 * @param workflowClass the binary name of the workflow class
 * @param findings what was found, in the order the walk met it
 * @param methodsWalked how many methods the walk looked into
 * @param complete {@code false} when the walk stopped at its bound before it had looked into every reachable method
 * @param unreadable the binary names of classes in scope whose class files could not be read, in name order
 * @param outOfScope whether the workflow class itself is out of scope ({@code ClassScope}), so nothing was walked
 */
public record WalkResult(String workflowClass, List<WalkFinding> findings, int methodsWalked, boolean complete,
        List<String> unreadable, boolean outOfScope) {
}
