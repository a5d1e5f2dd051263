package org.millrace.api.java.typeutils.runtime;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/** A hand-written stand-in for an Avro-generated class (what avro-maven-plugin would produce, reduced). */
public class TestAvroUser extends SpecificRecordBase {

    public static final Schema SCHEMA$ = new Schema.Parser().parse(
            "{\"type\":\"record\",\"name\":\"TestAvroUser\",\"namespace\":\"org.millrace.api.java.typeutils.runtime\","
                    + "\"fields\":[{\"name\":\"name\",\"type\":{\"type\":\"string\",\"avro.java.string\":\"String\"}},"
                    + "{\"name\":\"visits\",\"type\":\"long\"},"
                    + "{\"name\":\"email\",\"type\":[\"null\",{\"type\":\"string\",\"avro.java.string\":\"String\"}],"
                    + "\"default\":null}]}");

    public String name;
    public long visits;
    public String email;

    public TestAvroUser() {}

    public TestAvroUser(String name, long visits, String email) {
        this.name = name;
        this.visits = visits;
        this.email = email;
    }

    public static Schema getClassSchema() {
        return SCHEMA$;
    }

    @Override
    public Schema getSchema() {
        return SCHEMA$;
    }

    @Override
    public Object get(int field) {
        switch (field) {
            case 0: return name;
            case 1: return visits;
            case 2: return email;
            default: throw new IndexOutOfBoundsException("Invalid field index " + field);
        }
    }

    @Override
    public void put(int field, Object value) {
        switch (field) {
            case 0: name = value == null ? null : value.toString(); break;
            case 1: visits = (Long) value; break;
            case 2: email = value == null ? null : value.toString(); break;
            default: throw new IndexOutOfBoundsException("Invalid field index " + field);
        }
    }
}
