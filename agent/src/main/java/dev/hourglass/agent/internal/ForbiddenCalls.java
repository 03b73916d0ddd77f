package dev.hourglass.agent.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog of calls that workflow code may not make, shared by the run-time checks and the static check: each
 * entry names the call as a person writes it, why it breaks replay, and what to call instead.
 *
 * <p>A call site matches an entry by the owner, name and descriptor of its instruction, in JVM internal form
 * ({@code java/lang/System}, {@code currentTimeMillis}, {@code ()J}); constructors are named {@code <init>}. An
 * entry of a virtual method lists the JDK types a call site may name as owner (an interface and the classes that
 * implement it); {@link Entry#receiverType()} says which type a call on another owner (a user's subclass of
 * {@code Thread}, say) must be an instance of to count. Lookups are by owner and name in a hash map built once;
 * the catalog's order (the order of {@link #entries()}) is the order below, never hash order.
 */
public final class ForbiddenCalls {

    /** What kind of nondeterminism a call brings. */
    public enum Category {
        WALL_CLOCK("reads the wall clock, which shows another time when the code is replayed",
                "use Workflow.currentTimeMillis() (as an Instant: Instant.ofEpochMilli(Workflow.currentTimeMillis()))"),
        RANDOMNESS("draws random values, which differ when the code is replayed",
                "use Workflow.newRandom() (a Random seeded from the history) or Workflow.randomUUID()"),
        THREADS("runs code on another thread, outside the order the history fixes",
                "use Workflow.async(...) to run workflow code concurrently, and Workflow.sleep or Workflow.newTimer to"
                        + " wait"),
        BLOCKING("blocks the workflow thread outside Hourglass, which can neither replay nor time the wait",
                "wait with Workflow.await(condition), Workflow.sleep(duration) or Promise.get()"),
        IO("does I/O, whose result the history does not record and which replay would repeat",
                "do it in an activity, whose result the history records"),
        ENVIRONMENT("reads the process environment, which can differ on the machine that replays",
                "pass the value as a workflow argument, or read it in an activity");

        private final String why;
        private final String replacement;

        Category(String why, String replacement) {
            this.why = why;
            this.replacement = replacement;
        }

        /** Why a call of this kind breaks replay, as the end of a sentence whose subject is the call. */
        public String why() {
            return why;
        }

        /** What to do instead, as an imperative sentence without its final period. */
        public String replacement() {
            return replacement;
        }
    }

    /**
     * One forbidden call.
     *
     * @param id the entry's index in {@link #entries()}, stable within one version of Hourglass
     * @param category what kind of nondeterminism it brings
     * @param owners the internal names of the types a call site may name as owner
     * @param name the method name, {@code <init>} for a constructor, {@code *} for every method of the owners
     * @param descriptors the method descriptors that match; empty for every descriptor
     * @param display the call as a person writes it, such as {@code System.currentTimeMillis()}
     * @param receiverType for an instance method that a user's subclass may inherit, the internal name of the type
     *     whose instances count on any other owner (a call site {@code MyThread.start()} counts when the receiver is
     *     a {@code java/lang/Thread}); {@code null} when only the listed owners count
     * @param replacement what to do instead, specific to this call where that helps, otherwise the category's
     */
    public record Entry(int id, Category category, List<String> owners, String name, List<String> descriptors,
            String display, String receiverType, String replacement) {

        /** Whether a call site with this descriptor matches (owner and name having matched already). */
        public boolean matchesDescriptor(String descriptor) {
            return descriptors.isEmpty() || descriptors.contains(descriptor);
        }

        /** Whether this is a constructor. */
        public boolean isConstructor() {
            return name.equals("<init>");
        }

        /**
         * The message of the error for a call of this entry: what was called and where, why it breaks replay, and
         * what to do.
         *
         * @param callSite where the call is, such as {@code com.acme.Util.stamp(Util.java:12)}
         * @param workflowCode where the workflow code is that reached it, or {@code null} when the call site is
         *     in workflow code itself
         */
        public String message(String callSite, String workflowCode) {
            StringBuilder text = new StringBuilder("workflow code called ").append(display).append(" at ")
                    .append(callSite);
            if (workflowCode != null && !workflowCode.equals(callSite)) {
                text.append(", reached from workflow code at ").append(workflowCode);
            }
            text.append(": it ").append(category.why()).append(". ").append(replacement)
                    .append(". If the value may differ on every run, compute it in Workflow.sideEffect(...);"
                            + " if it is I/O, move it to an activity.");
            return text.toString();
        }
    }

    private static final List<Entry> ENTRIES;
    private static final Map<String, List<Entry>> BY_OWNER_AND_NAME;
    private static final Map<String, List<Entry>> BY_NAME_WITH_RECEIVER_TYPE;

    static {
        Catalog catalog = new Catalog();
        wallClock(catalog);
        randomness(catalog);
        threads(catalog);
        blocking(catalog);
        io(catalog);
        catalog.add(Category.ENVIRONMENT, "java/lang/System", "getenv", any(), "System.getenv(...)");
        ENTRIES = Collections.unmodifiableList(catalog.entries);
        Map<String, List<Entry>> byOwnerAndName = new HashMap<>();
        Map<String, List<Entry>> byName = new HashMap<>();
        for (Entry entry : ENTRIES) {
            for (String owner : entry.owners()) {
                byOwnerAndName.computeIfAbsent(owner + '.' + entry.name(), key -> new ArrayList<>()).add(entry);
            }
            if (entry.receiverType() != null) {
                byName.computeIfAbsent(entry.name(), key -> new ArrayList<>()).add(entry);
            }
        }
        BY_OWNER_AND_NAME = byOwnerAndName;
        BY_NAME_WITH_RECEIVER_TYPE = byName;
    }

    private ForbiddenCalls() {
    }

    /** Every entry, in catalog order; an entry's {@link Entry#id()} is its index here. */
    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** The entry with this id. */
    public static Entry entry(int id) {
        return ENTRIES.get(id);
    }

    /**
     * The entry that a call site on this exact owner matches, or {@code null}.
     *
     * @param owner the internal name of the owner the instruction names
     * @param name the method name
     * @param descriptor the method descriptor
     */
    public static Entry match(String owner, String name, String descriptor) {
        Entry exact = first(BY_OWNER_AND_NAME.get(owner + '.' + name), descriptor);
        if (exact != null || name.equals("<init>") || name.equals("<clinit>")) {
            return exact;
        }
        return first(BY_OWNER_AND_NAME.get(owner + ".*"), descriptor);
    }

    private static Entry first(List<Entry> candidates, String descriptor) {
        if (candidates != null) {
            for (Entry entry : candidates) {
                if (entry.matchesDescriptor(descriptor)) {
                    return entry;
                }
            }
        }
        return null;
    }

    /**
     * The entries that a call site on an owner outside the JDK may match, depending on its receiver's type at run
     * time (or on the owner's supertypes, for a static check): {@code MyThread.start()} is {@code Thread.start()}
     * when {@code MyThread} extends {@code Thread}.
     */
    public static List<Entry> matchByReceiver(String name, String descriptor) {
        List<Entry> candidates = BY_NAME_WITH_RECEIVER_TYPE.get(name);
        if (candidates == null) {
            return List.of();
        }
        List<Entry> matching = new ArrayList<>();
        for (Entry entry : candidates) {
            if (entry.matchesDescriptor(descriptor)) {
                matching.add(entry);
            }
        }
        return matching;
    }

    // ---------------------------------------------------------------- the catalog

    private static void wallClock(Catalog catalog) {
        Category clock = Category.WALL_CLOCK;
        catalog.add(clock, "java/lang/System", "currentTimeMillis", of("()J"), "System.currentTimeMillis()");
        catalog.add(clock, "java/lang/System", "nanoTime", of("()J"), "System.nanoTime()");
        for (String type : List.of("Instant", "LocalDate", "LocalDateTime", "LocalTime", "OffsetDateTime",
                "OffsetTime", "ZonedDateTime", "Year", "YearMonth", "MonthDay")) {
            String internal = "java/time/" + type;
            catalog.add(clock, internal, "now", of("()L" + internal + ";", "(Ljava/time/ZoneId;)L" + internal + ";"),
                    type + ".now()");
        }
        catalog.add(clock, "java/time/Clock", "systemUTC", any(), "Clock.systemUTC()");
        catalog.add(clock, "java/time/Clock", "systemDefaultZone", any(), "Clock.systemDefaultZone()");
        catalog.add(clock, "java/time/Clock", "system", any(), "Clock.system(zone)");
        for (String tick : List.of("tickMillis", "tickSeconds", "tickMinutes")) {
            catalog.add(clock, "java/time/Clock", tick, of("(Ljava/time/ZoneId;)Ljava/time/Clock;"),
                    "Clock." + tick + "(zone)");
        }
        catalog.add(clock, "java/util/Date", "<init>", of("()V"), "new Date()",
                "use new Date(Workflow.currentTimeMillis())");
        catalog.add(clock, "java/util/Calendar", "getInstance", any(), "Calendar.getInstance()",
                "set a Calendar's time with setTimeInMillis(Workflow.currentTimeMillis())");
        catalog.add(clock, "java/util/GregorianCalendar", "<init>", of("()V", "(Ljava/util/TimeZone;)V",
                "(Ljava/util/Locale;)V", "(Ljava/util/TimeZone;Ljava/util/Locale;)V"), "new GregorianCalendar()",
                "set a Calendar's time with setTimeInMillis(Workflow.currentTimeMillis())");
    }

    private static void randomness(Catalog catalog) {
        Category random = Category.RANDOMNESS;
        catalog.add(random, "java/lang/Math", "random", of("()D"), "Math.random()");
        catalog.add(random, "java/lang/StrictMath", "random", of("()D"), "StrictMath.random()");
        catalog.add(random, "java/util/Random", "<init>", of("()V"), "new Random()",
                "use Workflow.newRandom(), or new Random(seed) with a seed the workflow got as an argument");
        catalog.add(random, "java/util/concurrent/ThreadLocalRandom", "current", any(), "ThreadLocalRandom.current()");
        catalog.add(random, "java/security/SecureRandom", "<init>", any(), "new SecureRandom()",
                "draw secrets in an activity; for other values use Workflow.newRandom()");
        catalog.add(random, "java/security/SecureRandom", "getInstance", any(), "SecureRandom.getInstance(...)",
                "draw secrets in an activity; for other values use Workflow.newRandom()");
        catalog.add(random, "java/security/SecureRandom", "getInstanceStrong", any(), "SecureRandom.getInstanceStrong()",
                "draw secrets in an activity; for other values use Workflow.newRandom()");
        catalog.add(random, "java/util/SplittableRandom", "<init>", of("()V"), "new SplittableRandom()");
        catalog.add(random, "java/util/UUID", "randomUUID", any(), "UUID.randomUUID()",
                "use Workflow.randomUUID()");
        catalog.add(random, "java/util/Collections", "shuffle", of("(Ljava/util/List;)V"), "Collections.shuffle(list)",
                "use Collections.shuffle(list, Workflow.newRandom())");
    }

    private static void threads(Catalog catalog) {
        Category threads = Category.THREADS;
        catalog.addInherited(threads, List.of("java/lang/Thread"), "start", of("()V"), "Thread.start()",
                "java/lang/Thread", null);
        catalog.add(threads, "java/lang/Thread", "startVirtualThread", any(), "Thread.startVirtualThread(...)");
        catalog.add(threads, List.of("java/lang/Thread$Builder", "java/lang/Thread$Builder$OfPlatform",
                "java/lang/Thread$Builder$OfVirtual"), "start", any(), "Thread.Builder.start(...)", null);
        for (String factory : List.of("newFixedThreadPool", "newCachedThreadPool", "newSingleThreadExecutor",
                "newScheduledThreadPool", "newSingleThreadScheduledExecutor", "newWorkStealingPool",
                "newThreadPerTaskExecutor", "newVirtualThreadPerTaskExecutor")) {
            catalog.add(threads, "java/util/concurrent/Executors", factory, any(), "Executors." + factory + "(...)");
        }
        List<String> executors = List.of("java/util/concurrent/Executor", "java/util/concurrent/ExecutorService",
                "java/util/concurrent/ScheduledExecutorService", "java/util/concurrent/AbstractExecutorService",
                "java/util/concurrent/ThreadPoolExecutor", "java/util/concurrent/ScheduledThreadPoolExecutor",
                "java/util/concurrent/ForkJoinPool");
        for (String method : List.of("execute", "submit", "invokeAll", "invokeAny", "schedule",
                "scheduleAtFixedRate", "scheduleWithFixedDelay")) {
            catalog.addInherited(threads, executors, method, any(), "ExecutorService." + method + "(...)",
                    "java/util/concurrent/Executor", null);
        }
        catalog.add(threads, "java/util/concurrent/ThreadPoolExecutor", "<init>", any(), "new ThreadPoolExecutor(...)");
        catalog.add(threads, "java/util/concurrent/ScheduledThreadPoolExecutor", "<init>", any(),
                "new ScheduledThreadPoolExecutor(...)");
        catalog.add(threads, "java/util/concurrent/ForkJoinPool", "<init>", any(), "new ForkJoinPool(...)");
        catalog.add(threads, "java/util/concurrent/ForkJoinPool", "commonPool", any(), "ForkJoinPool.commonPool()");
        List<String> futures = List.of("java/util/concurrent/CompletableFuture",
                "java/util/concurrent/CompletionStage");
        catalog.add(threads, "java/util/concurrent/CompletableFuture", "supplyAsync", any(),
                "CompletableFuture.supplyAsync(...)");
        catalog.add(threads, "java/util/concurrent/CompletableFuture", "runAsync", any(),
                "CompletableFuture.runAsync(...)");
        for (String async : List.of("thenApplyAsync", "thenAcceptAsync", "thenRunAsync", "thenCombineAsync",
                "thenAcceptBothAsync", "runAfterBothAsync", "applyToEitherAsync", "acceptEitherAsync",
                "runAfterEitherAsync", "thenComposeAsync", "whenCompleteAsync", "handleAsync", "exceptionallyAsync",
                "exceptionallyComposeAsync", "completeAsync")) {
            catalog.addInherited(threads, futures, async, any(), "CompletableFuture." + async + "(...)",
                    "java/util/concurrent/CompletionStage", null);
        }
        List<String> tasks = List.of("java/util/concurrent/ForkJoinTask", "java/util/concurrent/RecursiveTask",
                "java/util/concurrent/RecursiveAction", "java/util/concurrent/CountedCompleter");
        catalog.addInherited(threads, tasks, "fork", any(), "ForkJoinTask.fork()",
                "java/util/concurrent/ForkJoinTask", null);
        catalog.addInherited(threads, tasks, "invoke", of("()Ljava/lang/Object;"), "ForkJoinTask.invoke()",
                "java/util/concurrent/ForkJoinTask", null);
        catalog.add(threads, "java/util/concurrent/ForkJoinTask", "invokeAll", any(), "ForkJoinTask.invokeAll(...)");
        List<String> collections = new ArrayList<>();
        for (String type : List.of("Collection", "List", "Set", "SortedSet", "NavigableSet", "Queue", "Deque",
                "AbstractCollection", "AbstractList", "ArrayList", "LinkedList", "Vector", "HashSet",
                "LinkedHashSet", "TreeSet", "ArrayDeque", "PriorityQueue", "concurrent/CopyOnWriteArrayList",
                "concurrent/CopyOnWriteArraySet", "concurrent/ConcurrentLinkedQueue", "concurrent/ConcurrentLinkedDeque",
                "concurrent/ConcurrentSkipListSet")) {
            collections.add("java/util/" + type);
        }
        catalog.addInherited(threads, collections, "parallelStream",
                of("()Ljava/util/stream/Stream;"), "Collection.parallelStream()", "java/util/Collection",
                "use stream(): workflow code runs on one thread at a time");
        catalog.add(threads, List.of("java/util/stream/BaseStream", "java/util/stream/Stream",
                        "java/util/stream/IntStream", "java/util/stream/LongStream", "java/util/stream/DoubleStream"),
                "parallel", any(), "Stream.parallel()", "leave the stream sequential: workflow code runs on one"
                        + " thread at a time");
        catalog.add(threads, "java/util/Timer", "<init>", any(), "new Timer()",
                "use Workflow.newTimer(duration) or Workflow.sleep(duration)");
        for (String schedule : List.of("schedule", "scheduleAtFixedRate")) {
            catalog.add(threads, "java/util/Timer", schedule, any(), "Timer." + schedule + "(...)",
                    "use Workflow.newTimer(duration) or Workflow.sleep(duration)");
        }
    }

    private static void blocking(Catalog catalog) {
        Category blocking = Category.BLOCKING;
        // wait is final in Object: whatever class a call site names, it is Object.wait
        catalog.addInherited(blocking, List.of("java/lang/Object"), "wait", of("()V", "(J)V", "(JI)V"),
                "Object.wait()", "java/lang/Object", "use Workflow.await(condition)");
        catalog.add(blocking, "java/lang/Thread", "sleep", any(), "Thread.sleep(...)",
                "use Workflow.sleep(duration), a durable timer");
        catalog.add(blocking, "java/util/concurrent/TimeUnit", "sleep", any(), "TimeUnit.sleep(...)",
                "use Workflow.sleep(duration), a durable timer");
        for (String timed : List.of("timedJoin", "timedWait")) {
            catalog.add(blocking, "java/util/concurrent/TimeUnit", timed, any(), "TimeUnit." + timed + "(...)");
        }
        catalog.addInherited(blocking, List.of("java/lang/Thread"), "join", any(), "Thread.join()",
                "java/lang/Thread", "use Workflow.async(...) and wait for its Promise");
        catalog.add(blocking, "java/util/concurrent/CountDownLatch", "await", any(), "CountDownLatch.await()");
        for (String acquire : List.of("acquire", "acquireUninterruptibly")) {
            catalog.add(blocking, "java/util/concurrent/Semaphore", acquire, any(), "Semaphore." + acquire + "()");
        }
        catalog.add(blocking, "java/util/concurrent/Semaphore", "tryAcquire",
                of("(JLjava/util/concurrent/TimeUnit;)Z", "(IJLjava/util/concurrent/TimeUnit;)Z"),
                "Semaphore.tryAcquire(timeout)");
        catalog.add(blocking, "java/util/concurrent/CyclicBarrier", "await", any(), "CyclicBarrier.await()");
        for (String await : List.of("awaitAdvance", "awaitAdvanceInterruptibly", "arriveAndAwaitAdvance")) {
            catalog.add(blocking, "java/util/concurrent/Phaser", await, any(), "Phaser." + await + "(...)");
        }
        catalog.add(blocking, "java/util/concurrent/Exchanger", "exchange", any(), "Exchanger.exchange(...)");
        List<String> futures = List.of("java/util/concurrent/Future", "java/util/concurrent/CompletableFuture",
                "java/util/concurrent/FutureTask", "java/util/concurrent/ForkJoinTask",
                "java/util/concurrent/RecursiveTask", "java/util/concurrent/RecursiveAction",
                "java/util/concurrent/CountedCompleter", "java/util/concurrent/ScheduledFuture",
                "java/util/concurrent/RunnableFuture", "java/util/concurrent/RunnableScheduledFuture");
        catalog.addInherited(blocking, futures, "get",
                of("()Ljava/lang/Object;", "(JLjava/util/concurrent/TimeUnit;)Ljava/lang/Object;"), "Future.get()",
                "java/util/concurrent/Future", "wait for a Promise with Promise.get()");
        catalog.add(blocking, List.of("java/util/concurrent/CompletableFuture", "java/util/concurrent/ForkJoinTask",
                        "java/util/concurrent/RecursiveTask", "java/util/concurrent/RecursiveAction",
                        "java/util/concurrent/CountedCompleter"), "join", of("()Ljava/lang/Object;"),
                "CompletableFuture.join()", "wait for a Promise with Promise.get()");
        List<String> locks = List.of("java/util/concurrent/locks/Lock", "java/util/concurrent/locks/ReentrantLock",
                "java/util/concurrent/locks/ReentrantReadWriteLock$ReadLock",
                "java/util/concurrent/locks/ReentrantReadWriteLock$WriteLock");
        for (String lock : List.of("lock", "lockInterruptibly")) {
            catalog.addInherited(blocking, locks, lock, of("()V"), "Lock." + lock + "()",
                    "java/util/concurrent/locks/Lock", "workflow code runs on one thread at a time and needs no"
                            + " lock; to wait for a state, use Workflow.await(condition)");
        }
        catalog.addInherited(blocking, locks, "tryLock", of("(JLjava/util/concurrent/TimeUnit;)Z"),
                "Lock.tryLock(timeout)", "java/util/concurrent/locks/Lock", "workflow code runs on one thread at a"
                        + " time and needs no lock; to wait for a state, use Workflow.await(condition)");
        for (String await : List.of("await", "awaitNanos", "awaitUninterruptibly", "awaitUntil")) {
            catalog.addInherited(blocking, List.of("java/util/concurrent/locks/Condition"), await, any(),
                    "Condition." + await + "(...)", "java/util/concurrent/locks/Condition",
                    "use Workflow.await(condition)");
        }
        for (String stamped : List.of("readLock", "writeLock", "readLockInterruptibly", "writeLockInterruptibly")) {
            catalog.add(blocking, "java/util/concurrent/locks/StampedLock", stamped, of("()J"),
                    "StampedLock." + stamped + "()");
        }
        for (String park : List.of("park", "parkNanos", "parkUntil")) {
            catalog.add(blocking, "java/util/concurrent/locks/LockSupport", park, any(), "LockSupport." + park + "(...)");
        }
        List<String> queues = List.of("java/util/concurrent/BlockingQueue", "java/util/concurrent/BlockingDeque",
                "java/util/concurrent/TransferQueue", "java/util/concurrent/ArrayBlockingQueue",
                "java/util/concurrent/LinkedBlockingQueue", "java/util/concurrent/LinkedBlockingDeque",
                "java/util/concurrent/PriorityBlockingQueue", "java/util/concurrent/DelayQueue",
                "java/util/concurrent/SynchronousQueue", "java/util/concurrent/LinkedTransferQueue");
        for (String take : List.of("take", "put", "transfer", "takeFirst", "takeLast", "putFirst", "putLast")) {
            catalog.addInherited(blocking, queues, take, any(), "BlockingQueue." + take + "(...)",
                    "java/util/concurrent/BlockingQueue", "keep the items in a plain list and wait with"
                            + " Workflow.await(() -> !items.isEmpty())");
        }
        catalog.addInherited(blocking, queues, "poll", of("(JLjava/util/concurrent/TimeUnit;)Ljava/lang/Object;"),
                "BlockingQueue.poll(timeout)", "java/util/concurrent/BlockingQueue", "keep the items in a plain list"
                        + " and wait with Workflow.await(timeout, () -> !items.isEmpty())");
        catalog.addInherited(blocking, queues, "offer",
                of("(Ljava/lang/Object;JLjava/util/concurrent/TimeUnit;)Z"), "BlockingQueue.offer(item, timeout)",
                "java/util/concurrent/BlockingQueue", "keep the items in a plain list");
    }

    private static void io(Catalog catalog) {
        Category io = Category.IO;
        for (String stream : List.of("FileInputStream", "FileOutputStream", "FileReader", "FileWriter",
                "RandomAccessFile")) {
            catalog.add(io, "java/io/" + stream, "<init>", any(), "new " + stream + "(...)");
        }
        for (String method : List.of("exists", "isFile", "isDirectory", "isHidden", "length", "lastModified", "list",
                "listFiles", "createNewFile", "delete", "deleteOnExit", "mkdir", "mkdirs", "renameTo", "canRead",
                "canWrite", "canExecute", "getTotalSpace", "getFreeSpace", "getUsableSpace", "setLastModified",
                "setReadOnly", "setWritable", "setReadable", "setExecutable", "createTempFile", "listRoots",
                "getCanonicalPath", "getCanonicalFile")) {
            catalog.add(io, "java/io/File", method, any(), "File." + method + "(...)");
        }
        catalog.add(io, "java/nio/file/Files", null, any(), "Files.*(...)");
        catalog.add(io, "java/nio/channels/FileChannel", "open", any(), "FileChannel.open(...)");
        catalog.add(io, "java/nio/channels/AsynchronousFileChannel", "open", any(),
                "AsynchronousFileChannel.open(...)");
        for (String socket : List.of("Socket", "ServerSocket", "DatagramSocket", "MulticastSocket")) {
            catalog.add(io, "java/net/" + socket, "<init>", any(), "new " + socket + "(...)");
        }
        for (String channel : List.of("SocketChannel", "ServerSocketChannel", "DatagramChannel")) {
            catalog.add(io, "java/nio/channels/" + channel, "open", any(), channel + ".open(...)");
        }
        for (String lookup : List.of("getByName", "getAllByName", "getLocalHost")) {
            catalog.add(io, "java/net/InetAddress", lookup, any(), "InetAddress." + lookup + "(...)");
        }
        for (String reverse : List.of("getHostName", "getCanonicalHostName")) {
            catalog.add(io, List.of("java/net/InetAddress", "java/net/Inet4Address", "java/net/Inet6Address"), reverse,
                    any(), "InetAddress." + reverse + "()", null);
        }
        for (String open : List.of("openConnection", "openStream", "getContent")) {
            catalog.add(io, "java/net/URL", open, any(), "URL." + open + "(...)");
        }
        for (String send : List.of("send", "sendAsync")) {
            catalog.add(io, "java/net/http/HttpClient", send, any(), "HttpClient." + send + "(...)");
        }
        catalog.add(io, "java/sql/DriverManager", "getConnection", any(), "DriverManager.getConnection(...)");
        catalog.add(io, "javax/sql/DataSource", "getConnection", any(), "DataSource.getConnection(...)");
        catalog.add(io, "java/lang/ProcessBuilder", "start", any(), "ProcessBuilder.start()");
        catalog.add(io, "java/lang/Runtime", "exec", any(), "Runtime.exec(...)");
    }

    // ---------------------------------------------------------------- building

    private static List<String> of(String... descriptors) {
        return List.of(descriptors);
    }

    private static List<String> any() {
        return List.of();
    }

    /** Collects the entries in order; a {@code null} name stands for every method of the owner. */
    private static final class Catalog {
        private final List<Entry> entries = new ArrayList<>();

        void add(Category category, String owner, String name, List<String> descriptors, String display) {
            add(category, List.of(owner), name, descriptors, display, null);
        }

        void add(Category category, String owner, String name, List<String> descriptors, String display,
                String replacement) {
            add(category, List.of(owner), name, descriptors, display, replacement);
        }

        void add(Category category, List<String> owners, String name, List<String> descriptors, String display,
                String replacement) {
            addEntry(category, owners, name, descriptors, display, null, replacement);
        }

        void addInherited(Category category, List<String> owners, String name, List<String> descriptors,
                String display, String receiverType, String replacement) {
            addEntry(category, owners, name, descriptors, display, receiverType, replacement);
        }

        private void addEntry(Category category, List<String> owners, String name, List<String> descriptors,
                String display, String receiverType, String replacement) {
            entries.add(new Entry(entries.size(), category, List.copyOf(owners), name == null ? "*" : name,
                    descriptors, display, receiverType,
                    replacement == null ? capitalize(category.replacement()) : capitalize(replacement)));
        }

        private static String capitalize(String text) {
            return Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }
    }
}
