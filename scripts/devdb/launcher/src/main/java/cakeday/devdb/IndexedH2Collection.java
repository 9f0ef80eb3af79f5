package cakeday.devdb;

import java.util.Comparator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The H2 file collection, with queries narrowed by an index whenever one covers them (IndexedLookup), and a sorted
 * query with a limit keeping only what it returns (SortedLimit).
 */
final class IndexedH2Collection extends H2Collection {

    IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options, MVMap<Object, Document> dataMap,
                        MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        IndexedLookup.Narrowed<Object> narrowed = IndexedLookup.narrow(getIndexes(), query, orderBy, limit, this::allDocuments);
        if (narrowed == null) {
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        if (narrowed.inSortOrder()) {
            // Already in the sort's order: matched lazily, up to the limit (this class's own override would sort them).
            Stream<Document> documents = StreamSupport.stream(narrowed.positions().spliterator(), false).map(this::getDocument);
            return super.matchDocumentsFromStream(query, documents, numberToSkip, limit, batchSize, null, fieldSelector);
        }
        return matchDocuments(query, narrowed.positions(), orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documentStream, int numberToSkip, int limit, int batchSize,
                                                   Comparator<Document> documentComparator, Document fieldSelector) {
        Stream<Document> candidates = documentComparator != null && limit > 0
            ? SortedLimit.first(documentStream, document -> documentMatchesQuery(document, query), documentComparator, (long) numberToSkip + limit)
            : documentStream;
        return super.matchDocumentsFromStream(query, candidates, numberToSkip, limit, batchSize, documentComparator, fieldSelector);
    }

    private Iterable<DocumentWithPosition<Object>> allDocuments() {
        return streamAllDocumentsWithPosition()::iterator;
    }
}
