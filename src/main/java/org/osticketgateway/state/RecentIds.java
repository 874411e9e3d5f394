package org.osticketgateway.state;

import java.io.File;
import org.apache.camel.support.LRUCacheFactory;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;

/**
 * Camel's file-backed idempotent repository remembering the last {@code size} ids, all of them in
 * memory (loaded from the file at start). Camel's own reads the whole file again for every id it
 * does not hold in memory — every new id, so every new mail and command got slower as the file
 * grew; here an id not in memory is new. Older ids are forgotten: by then their mail is long
 * archived and their command long answered, and nothing delivers them again.
 */
public final class RecentIds extends FileIdempotentRepository {

    public RecentIds(File file, int size) {
        super(file, LRUCacheFactory.newLRUCache(size));
        setCacheSize(size);
        // About 100 bytes a line: the file keeps roughly what memory holds, then drops its oldest half.
        setMaxFileStoreSize(100L * size);
        setDropOldestFileStore(size / 2);
    }

    @Override
    protected boolean containsStore(String key) {
        return false;
    }
}
