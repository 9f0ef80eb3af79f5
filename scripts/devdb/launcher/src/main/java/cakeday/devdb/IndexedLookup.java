package cakeday.devdb;

import java.util.List;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server uses a unique index only for a query on exactly that index's fields: {_id: x} is a lookup, but
 * {_id: x, state: 'queued'} (every conditional update Cakeday makes) scans the whole collection, about 40 ms a query
 * at 100,000 documents. This narrows such a query to the documents its indexed fields select, and the server then
 * matches the whole query against those alone, so the answer is the same as the scan's.
 */
final class IndexedLookup {

    private IndexedLookup() {
    }

    /** The positions a unique index gives for the query's fields it covers, or null when no index covers the query. */
    static <P> Iterable<P> positions(List<Index<P>> indexes, Document query) {
        for (Index<P> index : indexes) {
            Document indexed = indexedPart(index, query);
            if (indexed != null && index.canHandle(indexed)) {
                return index.getPositions(indexed);
            }
        }
        return null;
    }

    /** The query's conditions on every field of the index, or null when it leaves one out. */
    private static Document indexedPart(Index<?> index, Document query) {
        Document indexed = new Document();
        for (IndexKey key : index.getKeys()) {
            if (!query.containsKey(key.getKey())) {
                return null;
            }
            indexed.put(key.getKey(), query.get(key.getKey()));
        }
        return indexed;
    }
}
