package cakeday.devdb;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.exception.NamespaceExistsException;
import de.bwaldvogel.mongo.wire.message.MongoMessage;

/**
 * Cakeday's embedded MongoDB-compatible database for development and tests.
 *
 * Usage: java -jar devdb.jar [--port N] (--memory | --file PATH)
 * Prints the connection string as the first stdout line once it accepts connections,
 * and shuts down cleanly (flushing the H2 file) on SIGTERM or SIGINT.
 */
public final class DevDatabase {

    /** mongoose 9 (driver 7) refuses servers below wire version 9; the default advertises 8. */
    private static final MongoVersion MONGODB_5_0 = new MongoVersion() {
        @Override
        public List<Integer> getVersionArray() {
            return List.of(5, 0, 0);
        }

        @Override
        public String toVersionString() {
            return "5.0.0";
        }

        @Override
        public int getWireVersion() {
            return 13;
        }
    };

    private DevDatabase() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("devdb.log", "error"));
        int port = 0;
        String file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(requireValue(args, ++i, "--port"));
                case "--file" -> file = requireValue(args, ++i, "--file");
                case "--memory" -> file = null;
                default -> usage("unknown argument: " + args[i]);
            }
        }

        MongoBackend backend = file == null ? quietMemoryBackend() : quietH2Backend(file);
        backend.version(MONGODB_5_0);
        MongoServer server = new MongoServer(backend);
        // One worker thread: every command runs alone, so each is atomic and reads see whole documents.
        server.bind(new InetSocketAddress("127.0.0.1", port), 1, 1);
        InetSocketAddress address = server.getLocalAddress();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownNow();
            stopped.countDown();
        }, "devdb-shutdown"));

        System.out.println("mongodb://127.0.0.1:" + address.getPort() + "/");
        System.out.flush();
        stopped.await();
    }

    /*
     * mongoose asks to create every model's collection on each start, and "it already exists" is the expected
     * answer (MongoDB gives it too, silently). A duplicate key is expected too: unique indexes are our idempotency
     * keys, so a retried command meets one by design. The server's handler would log each with a stack trace, so
     * the backends answer exactly that error themselves; every other failure is still logged.
     */
    private static MongoBackend quietMemoryBackend() {
        return new MemoryBackend() {
            @Override
            public Document handleMessage(MongoMessage message) {
                return answeringExistingNamespace(() -> super.handleMessage(message));
            }

            @Override
            public MemoryDatabase openOrCreateDatabase(String databaseName) {
                return new MemoryDatabase(databaseName, getCursorRegistry()) {
                    @Override
                    protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                        return new IndexedMemoryCollection(this, collectionName, options, cursorRegistry);
                    }

                    @Override
                    protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
                        return new SecondaryIndex<>(indexName, keys);
                    }
                };
            }
        };
    }

    private static MongoBackend quietH2Backend(String file) {
        return new H2Backend(file) {
            @Override
            public Document handleMessage(MongoMessage message) {
                return answeringExistingNamespace(() -> super.handleMessage(message));
            }

            @Override
            protected MongoDatabase openOrCreateDatabase(String databaseName) {
                MVStore store = getMvStore();
                return new H2Database(databaseName, store, getCursorRegistry()) {
                    // H2Database's own maps, by its names for them (its prefixes are not public).
                    @Override
                    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                        String namespace = getFullCollectionNamespace(collectionName);
                        MVMap<Object, Document> dataMap = store.openMap("databases." + namespace);
                        MVMap<String, Object> metaMap = store.openMap("meta." + namespace);
                        return new IndexedH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
                    }

                    @Override
                    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
                        return new SecondaryIndex<>(indexName, keys);
                    }
                };
            }
        };
    }

    /** The error reply the server's handler would send for NamespaceExists or a duplicate key, without its log line. */
    private static Document answeringExistingNamespace(Supplier<Document> command) {
        try {
            return command.get();
        } catch (NamespaceExistsException | DuplicateKeyError e) {
            return quietReply(e);
        }
    }

    private static Document quietReply(MongoServerError e) {
        Document reply = new Document();
        reply.put("$err", e.getMessageWithoutErrorCode());
        reply.put("errmsg", e.getMessageWithoutErrorCode());
        reply.put("code", e.getCode());
        reply.putIfNotNull("codeName", e.getCodeName());
        reply.put("ok", 0);
        return reply;
    }

    private static String requireValue(String[] args, int index, String flag) {
        if (index >= args.length) {
            usage(flag + " needs a value");
        }
        return args[index];
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: java -jar devdb.jar [--port N] (--memory | --file PATH)");
        System.exit(2);
    }
}
