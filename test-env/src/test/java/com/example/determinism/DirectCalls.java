package com.example.determinism;

import java.io.File;
import java.io.FileInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.sql.DriverManager;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.Timer;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Workflow code that calls forbidden methods directly, one per scenario: each call is on the line that ends with
 * its marker comment. Were a call not checked, it would return at once (nothing here blocks or waits), so a
 * missing check fails its test rather than hanging it.
 */
public class DirectCalls extends CallScenarios {

    /**
     * Made once, when the test loads this class, not in workflow code: creating a client starts its selector thread
     * and can take longer than the deadlock detection allows a workflow task on a busy machine.
     */
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @SuppressWarnings({"deprecation", "removal"})
    @Override
    String call(String scenario) throws Exception {
        Object lock = new Object();
        switch (scenario) {
            case "System.currentTimeMillis":
                return "" + System.currentTimeMillis(); // at:System.currentTimeMillis
            case "System.nanoTime":
                return "" + System.nanoTime(); // at:System.nanoTime
            case "Instant.now":
                return "" + Instant.now(); // at:Instant.now
            case "LocalDate.now":
                return "" + LocalDate.now(); // at:LocalDate.now
            case "LocalDateTime.now(zone)":
                return "" + LocalDateTime.now(ZoneId.of("UTC")); // at:LocalDateTime.now(zone)
            case "ZonedDateTime.now":
                return "" + ZonedDateTime.now(); // at:ZonedDateTime.now
            case "Clock.systemUTC":
                return "" + Clock.systemUTC(); // at:Clock.systemUTC
            case "new Date":
                return "" + new Date(); // at:new Date
            case "Calendar.getInstance":
                return "" + Calendar.getInstance(); // at:Calendar.getInstance
            case "new Random":
                return "" + new Random().nextInt(); // at:new Random
            case "Math.random":
                return "" + Math.random(); // at:Math.random
            case "UUID.randomUUID":
                return "" + UUID.randomUUID(); // at:UUID.randomUUID
            case "new SecureRandom":
                return "" + new SecureRandom(); // at:new SecureRandom
            case "ThreadLocalRandom.current":
                return "" + ThreadLocalRandom.current(); // at:ThreadLocalRandom.current
            case "Collections.shuffle":
                List<String> names = new ArrayList<>(List.of("a", "b"));
                Collections.shuffle(names); // at:Collections.shuffle
                return "" + names;
            case "Thread.start":
                new Thread(() -> { }).start(); // at:Thread.start
                return "started";
            case "Executors.newSingleThreadExecutor":
                return "" + Executors.newSingleThreadExecutor(); // at:Executors.newSingleThreadExecutor
            case "CompletableFuture.supplyAsync":
                return "" + CompletableFuture.supplyAsync(() -> "x"); // at:CompletableFuture.supplyAsync
            case "List.parallelStream":
                return "" + List.of("a").parallelStream().count(); // at:List.parallelStream
            case "Thread.sleep":
                Thread.sleep(1); // at:Thread.sleep
                return "slept";
            case "CountDownLatch.await":
                new CountDownLatch(0).await(); // at:CountDownLatch.await
                return "awaited";
            case "ReentrantLock.lock":
                new ReentrantLock().lock(); // at:ReentrantLock.lock
                return "locked";
            case "CompletableFuture.get":
                return CompletableFuture.completedFuture("x").get(); // at:CompletableFuture.get
            case "Object.wait":
                synchronized (lock) {
                    lock.wait(1); // at:Object.wait
                }
                return "waited";
            case "LinkedBlockingQueue.take":
                return new LinkedBlockingQueue<>(List.of("x")).take(); // at:LinkedBlockingQueue.take
            case "Files.exists":
                return "" + Files.exists(Path.of("orders.csv")); // at:Files.exists
            case "File.exists":
                return "" + new File("orders.csv").exists(); // at:File.exists
            case "new Socket":
                return "" + new Socket(); // at:new Socket
            case "System.getenv(name)":
                return System.getenv("HOME"); // at:System.getenv(name)
            case "System.getenv()":
                return "" + System.getenv().size(); // at:System.getenv()
            case "LocalTime.now":
                return "" + LocalTime.now(); // at:LocalTime.now
            case "OffsetDateTime.now":
                return "" + OffsetDateTime.now(); // at:OffsetDateTime.now
            case "Clock.systemDefaultZone":
                return "" + Clock.systemDefaultZone(); // at:Clock.systemDefaultZone
            case "new SplittableRandom":
                return "" + new SplittableRandom().nextInt(); // at:new SplittableRandom
            case "new Timer":
                return "" + new Timer(true); // at:new Timer
            case "ForkJoinPool.commonPool":
                return "" + ForkJoinPool.commonPool(); // at:ForkJoinPool.commonPool
            case "Semaphore.acquire":
                new Semaphore(1).acquire(); // at:Semaphore.acquire
                return "acquired";
            case "new FileInputStream":
                return "" + new FileInputStream("orders.csv"); // at:new FileInputStream
            case "FileChannel.open":
                return "" + FileChannel.open(Path.of("orders.csv")); // at:FileChannel.open
            case "URL.openStream":
                return "" + new URL("http://127.0.0.1:9/").openStream(); // at:URL.openStream
            case "HttpClient.send":
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:9/")).build();
                return "" + HTTP.send(request, HttpResponse.BodyHandlers.discarding()); // at:HttpClient.send
            case "DriverManager.getConnection":
                return "" + DriverManager.getConnection("jdbc:none:orders"); // at:DriverManager.getConnection
            case "TimeUnit.sleep":
                TimeUnit.MILLISECONDS.sleep(1); // at:TimeUnit.sleep
                return "slept";
            default:
                throw new IllegalArgumentException("no scenario " + scenario);
        }
    }
}
