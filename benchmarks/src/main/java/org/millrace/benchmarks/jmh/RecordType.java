package org.millrace.benchmarks.jmh;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.millrace.api.common.typeinfo.TypeHint;
import org.millrace.api.common.typeinfo.TypeInformation;
import org.millrace.api.common.typeinfo.Types;
import org.millrace.api.java.tuple.Tuple2;
import org.millrace.api.java.typeutils.GenericRecordAvroTypeInfo;
import org.millrace.benchmarks.Workloads;
import org.millrace.types.Row;

/**
 * The type classes the serialization benchmarks compare, each with the type information a job
 * would get for it (so the engine picks the serializer, as at graph-build time) and realistic
 * values that are a pure function of an index. The four composite types carry the same page-view
 * payload (a long id, a short ASCII URL, a millisecond timestamp, an int duration), so their figures
 * differ only by serializer.
 */
public enum RecordType {

    /** A boxed long, as in W4's exchanges. */
    LONG {
        @Override
        TypeInformation<?> typeInformation() {
            return Types.LONG;
        }

        @Override
        Object value(long i) {
            return Workloads.mix(i);
        }
    },

    /** W1's words, {@code "w0"} to {@code "w99999"}: the one-byte-per-char Latin-1 path. */
    STRING_ASCII {
        @Override
        TypeInformation<?> typeInformation() {
            return Types.STRING;
        }

        @Override
        Object value(long i) {
            return Workloads.word(i);
        }
    },

    /** Cyrillic, Greek and CJK words with a number: chars above 0xFF take the varint-per-char path. */
    STRING_NON_ASCII {
        @Override
        TypeInformation<?> typeInformation() {
            return Types.STRING;
        }

        @Override
        Object value(long i) {
            long m = Workloads.mix(i);
            return NON_LATIN1_WORDS[(int) Long.remainderUnsigned(m >>> 40, NON_LATIN1_WORDS.length)]
                    + Long.remainderUnsigned(m, Workloads.WORDS);
        }
    },

    /** W1's {@code (word, 1L)} pairs. */
    TUPLE2_STRING_LONG {
        @Override
        TypeInformation<?> typeInformation() {
            return TypeInformation.of(new TypeHint<Tuple2<String, Long>>() {});
        }

        @Override
        Object value(long i) {
            return Tuple2.of(Workloads.word(i), 1L);
        }
    },

    /** {@link PageView}: Millrace's POJO serializer. */
    POJO {
        @Override
        TypeInformation<?> typeInformation() {
            return TypeInformation.of(PageView.class);
        }

        @Override
        Object value(long i) {
            return new PageView(userId(i), url(i), timestamp(i), durationMillis(i));
        }
    },

    /** The page view as a {@link Row} of (long, String, long, int). */
    ROW {
        @Override
        TypeInformation<?> typeInformation() {
            return Types.ROW(Types.LONG, Types.STRING, Types.LONG, Types.INT);
        }

        @Override
        Object value(long i) {
            return Row.of(userId(i), url(i), timestamp(i), durationMillis(i));
        }
    },

    /** The page view as an Avro {@link GenericRecord}, in Avro's binary encoding. */
    AVRO_GENERIC {
        @Override
        TypeInformation<?> typeInformation() {
            return new GenericRecordAvroTypeInfo(PAGE_VIEW_SCHEMA);
        }

        @Override
        Object value(long i) {
            GenericRecord record = new GenericData.Record(PAGE_VIEW_SCHEMA);
            record.put(0, userId(i));
            record.put(1, url(i));
            record.put(2, timestamp(i));
            record.put(3, durationMillis(i));
            return record;
        }
    },

    /** {@link PageViewValue}, not a POJO: the Kryo fallback. */
    KRYO {
        @Override
        TypeInformation<?> typeInformation() {
            return TypeInformation.of(PageViewValue.class);
        }

        @Override
        Object value(long i) {
            return new PageViewValue(userId(i), url(i), timestamp(i), durationMillis(i));
        }
    };

    private static final String[] NON_LATIN1_WORDS = {
        "слово", "δρόμος", "東京", "пример", "αγορά", "数据", "рыба", "λόγος",
    };

    /** The Avro form of {@link PageView}. */
    static final Schema PAGE_VIEW_SCHEMA = SchemaBuilder.record("PageView").namespace("org.millrace.benchmarks.jmh")
            .fields()
            .requiredLong("userId")
            .requiredString("url")
            .requiredLong("timestamp")
            .requiredInt("durationMillis")
            .endRecord();

    /** 1 January 2026, 00:00 UTC, in epoch milliseconds: page views are stamped from here on. */
    private static final long EPOCH_2026 = 1_767_225_600_000L;

    /** The type information a job declaring or extracting this type would carry. */
    abstract TypeInformation<?> typeInformation();

    /** Record {@code i} of this type; the same index always gives an equal value. */
    abstract Object value(long i);

    private static long userId(long i) {
        return Long.remainderUnsigned(Workloads.mix(i), 1_000_000);
    }

    private static String url(long i) {
        return "/products/" + Long.remainderUnsigned(Workloads.mix(i) >>> 20, 50_000);
    }

    private static long timestamp(long i) {
        return EPOCH_2026 + 7 * i;
    }

    private static int durationMillis(long i) {
        return (int) Long.remainderUnsigned(Workloads.mix(i) >>> 40, 30_000);
    }
}
