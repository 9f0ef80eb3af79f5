package cakeday.devdb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * mongo-java-server keeps nothing for a non-unique index, so every query on one scans the collection: at 100,000
 * consent records, reading a batch's consents by `memberId $in` took longer than the batch's sends. This index hashes
 * the documents' positions by the value of the index's first field; a query with an equality or `$in` on that field is
 * narrowed to those documents and the server matches the whole query on them, so the answer is the scan's.
 *
 * A compound index on the memory backend also keeps each value's documents in the order of its other fields (ties by
 * position, the order the server's stable sort leaves them in), so a query with an equality on the first field,
 * sorted by exactly the others, walks them in order and stops at its limit: a dispatch round's claim (the first
 * queued deliveries by `nextAttemptAt, _id`) no longer sorts every queued delivery.
 *
 * It is built by the first query that could use it (an index no query asks that way, such as one on a time that is only
 * ever queried by range, costs no memory) and then kept by every write. A document whose indexed field holds an array
 * turns it off for good: array matching and sorting have rules this does not imitate.
 */
final class SecondaryIndex<P> extends Index<P> {

    private final String field;
    /** The index's other fields, in order, for the walk in sort order. */
    private final List<IndexKey> sortKeys;
    private final Comparator<Slot<P>> slotOrder;
    /** By the normalised value of the first field, its documents; null until a query builds it. */
    private Map<KeyValue, Bucket<P>> byValue;
    private boolean disabled;
    /** Positions are compared to break ties: only the memory backend's (integers, its natural order) are. */
    private boolean ordered;

    private record Slot<P>(Object[] values, P position) {
    }

    private static final class Bucket<P> {
        final Map<Object, P> positionsById = new HashMap<>();
        final TreeSet<Slot<P>> inOrder;

        Bucket(Comparator<Slot<P>> slotOrder, boolean ordered) {
            this.inOrder = ordered ? new TreeSet<>(slotOrder) : null;
        }
    }

    SecondaryIndex(String name, List<IndexKey> keys) {
        // Sparse to the collection: removing a document asks no position of it.
        super(name, List.of(keys.get(0)), true);
        this.field = keys.get(0).getKey();
        this.sortKeys = List.copyOf(keys.subList(1, keys.size()));
        this.slotOrder = slotOrder(sortKeys);
    }

    /** The order DocumentComparator gives for a sort by `sortKeys`, then the position. */
    private static <P> Comparator<Slot<P>> slotOrder(List<IndexKey> sortKeys) {
        return (a, b) -> {
            for (int i = 0; i < sortKeys.size(); i++) {
                ValueComparator comparator = sortKeys.get(i).isAscending() ? ValueComparator.asc() : ValueComparator.desc();
                int cmp = comparator.compare(a.values()[i], b.values()[i]);
                if (cmp != 0) {
                    return cmp;
                }
            }
            return Integer.compare((Integer) a.position(), (Integer) b.position());
        };
    }

    /**
     * The positions of the documents the query's condition on the first field can match, or null when the query has
     * none this index answers (no condition on the field, an operator other than $in, a value it does not hash).
     */
    synchronized List<P> positionsFor(Document query, Supplier<Iterable<DocumentWithPosition<P>>> allDocuments) {
        Collection<?> values = queriedValues(query);
        if (values == null || !built(allDocuments)) {
            return null;
        }
        Set<KeyValue> keys = new HashSet<>();
        List<P> positions = new ArrayList<>();
        for (Object value : values) {
            KeyValue key = keyOf(value);
            Bucket<P> bucket = byValue.get(key);
            if (keys.add(key) && bucket != null) {
                positions.addAll(bucket.positionsById.values());
            }
        }
        return positions;
    }

    /**
     * The positions of the documents with the queried value of the first field, in the order of `orderBy`, or null
     * unless the query asks one value of the first field and sorts by exactly the index's other fields, as they are.
     * Read lazily, so that a query with a limit stops once it has enough; the caller reads them within its command,
     * before the next one can write (one command at a time).
     */
    synchronized Iterable<P> positionsInOrder(Document query, Document orderBy, Supplier<Iterable<DocumentWithPosition<P>>> allDocuments) {
        Collection<?> values = queriedValues(query);
        if (values == null || values.size() != 1 || !sortsAsIndexed(orderBy) || !built(allDocuments) || !ordered) {
            return null;
        }
        Bucket<P> bucket = byValue.get(keyOf(values.iterator().next()));
        if (bucket == null) {
            return List.of();
        }
        return () -> bucket.inOrder.stream().map(Slot::position).iterator();
    }

    private boolean sortsAsIndexed(Document orderBy) {
        if (sortKeys.isEmpty() || orderBy == null || orderBy.size() != sortKeys.size()) {
            return false;
        }
        int i = 0;
        for (Map.Entry<String, Object> entry : orderBy.entrySet()) {
            IndexKey key = sortKeys.get(i++);
            if (!key.getKey().equals(entry.getKey()) || !(entry.getValue() instanceof Number direction) || (direction.intValue() > 0) != key.isAscending()) {
                return false;
            }
        }
        return true;
    }

    private boolean built(Supplier<Iterable<DocumentWithPosition<P>>> allDocuments) {
        if (byValue == null && !disabled) {
            byValue = new HashMap<>();
            ordered = !sortKeys.isEmpty();
            for (DocumentWithPosition<P> entry : allDocuments.get()) {
                put(entry.getDocument(), entry.getPosition());
                if (disabled) {
                    break;
                }
            }
        }
        return !disabled;
    }

    /** The query's equality with one hashable value on the first field, or its `$in` with only such values. */
    private Collection<?> queriedValues(Document query) {
        if (disabled || !query.containsKey(field)) {
            return null;
        }
        Object condition = query.get(field);
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

    private Slot<P> slotOf(Document document, P position) {
        Object[] values = new Object[sortKeys.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Utils.getSubdocumentValueCollectionAware(document, sortKeys.get(i).getKey());
        }
        return new Slot<>(values, position);
    }

    private void put(Document document, P position) {
        Object value = Utils.getSubdocumentValueCollectionAware(document, field);
        Object id = document.get("_id");
        if (value instanceof Collection || id == null) {
            disabled = true;
            byValue = null;
            return;
        }
        Slot<P> slot = ordered ? slotOf(document, position) : null;
        if (slot != null && (!(position instanceof Integer) || Arrays.stream(slot.values()).anyMatch(Collection.class::isInstance))) {
            stopOrdering();
            slot = null;
        }
        Bucket<P> bucket = byValue.computeIfAbsent(keyOf(value), ignored -> new Bucket<>(slotOrder, ordered));
        bucket.positionsById.put(id, position);
        if (slot != null) {
            bucket.inOrder.add(slot);
        }
    }

    /** Hash lookups go on; the walk in sort order is over for good, and its memory freed. */
    private void stopOrdering() {
        ordered = false;
        Map<KeyValue, Bucket<P>> unordered = new HashMap<>();
        for (Map.Entry<KeyValue, Bucket<P>> entry : byValue.entrySet()) {
            Bucket<P> bucket = new Bucket<>(slotOrder, false);
            bucket.positionsById.putAll(entry.getValue().positionsById);
            unordered.put(entry.getKey(), bucket);
        }
        byValue = unordered;
    }

    private void delete(Document document) {
        KeyValue key = keyOf(Utils.getSubdocumentValueCollectionAware(document, field));
        Bucket<P> bucket = byValue.get(key);
        P position = bucket == null ? null : bucket.positionsById.remove(document.get("_id"));
        if (position == null) {
            return;
        }
        if (bucket.inOrder != null) {
            bucket.inOrder.remove(slotOf(document, position));
        }
        if (bucket.positionsById.isEmpty()) {
            byValue.remove(key);
        }
    }

    private boolean kept() {
        return byValue != null && !disabled;
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        if (kept()) {
            put(document, position);
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
            put(newDocument, position);
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

    /** The server's own query planning never picks it: IndexedLookup does. */
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
        return byValue == null ? 0 : byValue.values().stream().mapToLong(bucket -> bucket.positionsById.size()).sum();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public synchronized void drop() {
        byValue = null;
    }
}
