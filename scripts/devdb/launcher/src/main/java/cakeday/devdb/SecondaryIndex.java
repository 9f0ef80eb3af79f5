package cakeday.devdb;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * mongo-java-server keeps nothing for a non-unique index, so every query on one scans the collection: at 100,000
 * consent records, reading a batch's consents by `memberId $in` took longer than the batch's sends. This index hashes
 * the documents' ids by the value of the index's first field; a query with an equality or `$in` on that field is
 * narrowed to those documents and the server matches the whole query on them, so the answer is the scan's.
 *
 * It is built by the first query that could use it (an index no query asks that way, such as one on a time that is only
 * ever queried by range, costs no memory) and then kept by every write. A document whose field holds an array turns
 * it off for good: array matching has rules this does not imitate.
 */
final class SecondaryIndex<P> extends Index<P> {

    private final String field;
    /** Ids by the normalised value of the field; null until a query builds it. */
    private Map<KeyValue, Set<Object>> idsByValue;
    private boolean disabled;

    SecondaryIndex(String name, List<IndexKey> keys) {
        // Sparse to the collection: removing a document asks no position of it.
        super(name, List.of(keys.get(0)), true);
        this.field = keys.get(0).getKey();
    }

    String field() {
        return field;
    }

    /**
     * The ids of the documents the query's condition on the field can match, or null when the query has none this
     * index answers (no condition on the field, an operator other than $in, a value of a type it does not hash).
     */
    synchronized Set<Object> idsFor(Document query, Supplier<Iterable<Document>> allDocuments) {
        if (disabled || !query.containsKey(field)) {
            return null;
        }
        Collection<?> values = queriedValues(query.get(field));
        if (values == null) {
            return null;
        }
        if (idsByValue == null) {
            build(allDocuments.get());
            if (disabled) {
                return null;
            }
        }
        Set<Object> ids = new HashSet<>();
        for (Object value : values) {
            ids.addAll(idsByValue.getOrDefault(keyOf(value), Set.of()));
        }
        return ids;
    }

    private void build(Iterable<Document> documents) {
        idsByValue = new HashMap<>();
        for (Document document : documents) {
            put(document);
            if (disabled) {
                return;
            }
        }
    }

    /** Equality with one hashable value, or `$in` with only such values. */
    private static Collection<?> queriedValues(Object condition) {
        if (condition instanceof Document operators) {
            if (operators.size() == 1 && operators.get("$in") instanceof Collection<?> values && values.stream().allMatch(SecondaryIndex::isHashable)) {
                return values;
            }
            return null;
        }
        return isHashable(condition) ? Collections.singletonList(condition) : null;
    }

    private static boolean isHashable(Object value) {
        return value == null || value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof ObjectId
            || value instanceof Instant || value instanceof UUID;
    }

    /** Numbers of any type that are equal share a key, and a missing field is null, as the server's matching has it. */
    private static KeyValue keyOf(Object value) {
        return new KeyValue(new Object[] { value }).normalized();
    }

    private void put(Document document) {
        Object value = Utils.getSubdocumentValueCollectionAware(document, field);
        Object id = document.get("_id");
        if (value instanceof Collection || id == null) {
            disabled = true;
            idsByValue = null;
            return;
        }
        idsByValue.computeIfAbsent(keyOf(value), ignored -> new HashSet<>()).add(id);
    }

    private void delete(Document document) {
        KeyValue key = keyOf(Utils.getSubdocumentValueCollectionAware(document, field));
        Set<Object> ids = idsByValue.get(key);
        if (ids != null && ids.remove(document.get("_id")) && ids.isEmpty()) {
            idsByValue.remove(key);
        }
    }

    private boolean kept() {
        return idsByValue != null && !disabled;
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        if (kept()) {
            put(document);
        }
    }

    @Override
    public synchronized P remove(Document document) {
        if (kept()) {
            delete(document);
        }
        return null;
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        if (kept()) {
            delete(oldDocument);
            put(newDocument);
        }
    }

    @Override
    public P getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
    }

    /** The server's own query planning never picks it: IndexedLookup does, with the collection's _id index. */
    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        throw new UnsupportedOperationException("queried through IndexedLookup");
    }

    @Override
    public synchronized long getCount() {
        return idsByValue == null ? 0 : idsByValue.values().stream().mapToLong(Set::size).sum();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public synchronized void drop() {
        idsByValue = null;
    }
}
