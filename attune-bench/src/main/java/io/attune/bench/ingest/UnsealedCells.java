package io.attune.bench.ingest;

import io.attune.store.crypto.CellAddress;
import io.attune.store.crypto.CellCipher;
import io.attune.store.crypto.Keyring;
import java.security.SecureRandom;

/** Stores health data as it is: the baseline that shows what sealing it costs ingestion. Never for real data. */
final class UnsealedCells extends CellCipher {
    UnsealedCells() {
        super(Keyring.generate(new SecureRandom()));
    }

    @Override
    public String seal(String plaintext, CellAddress address) {
        return plaintext;
    }

    @Override
    public String open(String stored, CellAddress address) {
        return stored;
    }
}
