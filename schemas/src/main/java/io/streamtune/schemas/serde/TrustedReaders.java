package io.streamtune.schemas.serde;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * Avro 1.12 refuses to instantiate classes from packages it does not trust; every specific reader made here trusts
 * the package of Streamtune's generated contracts.
 */
public final class TrustedReaders {

    /** The package of the generated Avro classes. */
    public static final String CONTRACTS_PACKAGE = "io.streamtune.schemas";

    private TrustedReaders() {}

    /**
     * A specific reader of data written with {@code writer}, resolved into {@code reader}'s generated class.
     *
     * <p>Avro 1.12.1 deprecates the per-reader trust list without offering a replacement (the alternative, the
     * {@code org.apache.avro.SERIALIZABLE_PACKAGES} system property, changes every reader of the JVM), hence the
     * suppression.
     */
    @SuppressWarnings("deprecation")
    public static <T> SpecificDatumReader<T> specificReader(Schema writer, Schema reader) {
        SpecificDatumReader<T> datumReader = new SpecificDatumReader<>(writer, reader);
        if (!datumReader.getTrustedPackages().contains(CONTRACTS_PACKAGE)) {
            datumReader.getTrustedPackages().add(CONTRACTS_PACKAGE);
        }
        return datumReader;
    }
}
