package dev.posrecon.core.ingest.customers;

import dev.posrecon.core.ingest.ReadResult;
import dev.posrecon.core.ingest.RecordReader;
import dev.posrecon.core.model.Customer;

import java.nio.file.Path;

/** Reads the customer directory CSV. (stub: being written) */
public final class CustomerReader implements RecordReader<Customer> {

    @Override
    public ReadResult<Customer> read(Path file, String displayName) {
        throw new UnsupportedOperationException("not yet");
    }
}
