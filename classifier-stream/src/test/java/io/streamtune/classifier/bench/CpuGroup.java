package io.streamtune.classifier.bench;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Who a thread works for, from its name. Java threads are grouped by their full name, native threads by their
 * {@code comm}, which a native thread inherits from the thread that created it: PyTorch's OpenMP workers carry the
 * name of the thread that first ran the model, the tokenizer's pool that of the thread that first tokenised.
 */
enum CpuGroup {
    MODEL_CALLER("model caller thread + its native workers", true),
    CLASSIFIER_OTHER("classifier: other threads (Kafka client I/O, state updater, RocksDB, watcher)", true),
    BROKER("in-process test broker", false),
    REGISTRY("schema registry child process", false),
    BENCH_CLIENTS("benchmark: main thread (consumer) and its producers", false),
    JVM("JVM (GC, JIT, VM threads)", false),
    EXITED("threads that exited in the window", false),
    OTHER("other", false);

    private static final Pattern BROKER_THREADS = Pattern.compile(
            "^(data-plane|controller-|broker-|kafka-\\d|kafka-scheduler|quorum-|ExpirationReaper|group-coordinator|"
                    + "share-coordinator|transaction|TxnMarker|AddPartitionsToTxn|LogDirFailure|kafka-log-cleaner|"
                    + "ReplicaFetcher|raft|metrics-meter|.*ThrottledChannelReaper|executor-|RequestSendThread|"
                    + "kafka-network|kafka-request|feature|log-|remote-|TestKit|test-kit|socket-server).*");
    private static final List<String> JVM_THREADS = List.of(
            "GC Thread",
            "G1 ",
            "C1 Compiler",
            "C2 Compiler",
            "VM Thread",
            "VM Periodic",
            "Sweeper",
            "Monitor Deflati",
            "Service Thread",
            "Reference Handl",
            "Finalizer",
            "Signal Dispatch",
            "Common-Cleaner",
            "Notification Th",
            "Attach Listener");

    private final String label;
    private final boolean classifierOwn;

    CpuGroup(String label, boolean classifierOwn) {
        this.label = label;
        this.classifierOwn = classifierOwn;
    }

    String label() {
        return label;
    }

    /** CPU the classifier itself spends, as it would on a machine of its own. */
    boolean classifierOwn() {
        return classifierOwn;
    }

    /**
     * The group of a Java thread.
     *
     * @param name its full name
     * @param modelCaller the Java thread that calls the model in this phase
     * @param classifierId the classifier's client id, which names its Kafka Streams and client threads
     */
    static CpuGroup ofJavaThread(String name, String modelCaller, String classifierId) {
        if (name.equals(modelCaller)) {
            return MODEL_CALLER;
        }
        if (name.contains(classifierId)
                || name.startsWith("model-versions-watcher")
                || name.equals("operations-http")) {
            return CLASSIFIER_OTHER;
        }
        if (name.equals("main") || name.matches(".*\\| (producer-\\d+|reader-.*|adminclient-\\d+)")) {
            return BENCH_CLIENTS;
        }
        if (BROKER_THREADS.matcher(name).matches()) {
            return BROKER;
        }
        return ofJvmName(name);
    }

    /**
     * The group of native threads by comm. {@code java} is the launcher's name, carried by the main thread and so by
     * the OpenMP and tokenizer pools it created in the first raw phase; in the pipeline phase those pools work for the
     * stream thread (tokenising) or sleep, so they count with the model caller in both phases.
     */
    static CpuGroup ofNativeThread(String comm, String modelCallerComm) {
        if (comm.equals(modelCallerComm) || comm.equals("java")) {
            return MODEL_CALLER;
        }
        if (comm.startsWith("rocksdb")) {
            return CLASSIFIER_OTHER;
        }
        return ofJvmName(comm);
    }

    private static CpuGroup ofJvmName(String name) {
        return JVM_THREADS.stream().anyMatch(name::startsWith) ? JVM : OTHER;
    }

    /** A Java thread's comm: Linux keeps the first 15 bytes of the name HotSpot gives it. */
    static String comm(String javaName) {
        if (javaName.equals("main")) {
            return "java"; // the launcher starts the main thread natively and never renames it
        }
        return javaName.length() <= 15 ? javaName : javaName.substring(0, 15);
    }
}
