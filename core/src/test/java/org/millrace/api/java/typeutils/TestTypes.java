package org.millrace.api.java.typeutils;

import java.util.List;
import org.millrace.api.java.tuple.Tuple2;

/** Classes the type-system tests analyse and serialize. */
public final class TestTypes {

    private TestTypes() {}

    /** A POJO with private fields behind getters and setters, plus a public field. */
    public static class Person {
        private String name;
        private int age;
        private Address address;
        public List<String> tags;

        public Person() {}

        public Person(String name, int age, Address address, List<String> tags) {
            this.name = name;
            this.age = age;
            this.address = address;
            this.tags = tags;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public int getAge() {
            return age;
        }

        public void setAge(int age) {
            this.age = age;
        }

        public Address getAddress() {
            return address;
        }

        public void setAddress(Address address) {
            this.address = address;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Person)) {
                return false;
            }
            Person p = (Person) o;
            return java.util.Objects.equals(name, p.name) && age == p.age
                    && java.util.Objects.equals(address, p.address) && java.util.Objects.equals(tags, p.tags);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(name, age, address, tags);
        }

        @Override
        public String toString() {
            return "Person(" + name + ", " + age + ", " + address + ", " + tags + ")";
        }
    }

    /** A nested POJO with public fields. */
    public static class Address {
        public String city;
        public Integer zip;

        public Address() {}

        public Address(String city, Integer zip) {
            this.city = city;
            this.zip = zip;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Address && java.util.Objects.equals(city, ((Address) o).city)
                    && java.util.Objects.equals(zip, ((Address) o).zip);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(city, zip);
        }

        @Override
        public String toString() {
            return city + "/" + zip;
        }
    }

    /** A subclass of a POJO, written with its own serializer after its class name. */
    public static class Employee extends Person {
        public String company;

        public Employee() {}
    }

    /** Not a POJO: no no-arg constructor, so it falls back to Kryo. */
    public static class Money {
        private final long cents;
        private final String currency;

        public Money(long cents, String currency) {
            this.cents = cents;
            this.currency = currency;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Money && ((Money) o).cents == cents && ((Money) o).currency.equals(currency);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(cents) * 31 + currency.hashCode();
        }

        @Override
        public String toString() {
            return cents + " " + currency;
        }
    }

    /** A tuple subclass whose field types come from its generic superclass. */
    public static class WordCount extends Tuple2<String, Long> {
        public WordCount() {}

        public WordCount(String word, long count) {
            super(word, count);
        }
    }

    /** A generic POJO: the field type is bound by the parameterized type it is used with. */
    public static class Box<T> {
        public T value;
    }

    /** An enum. */
    public enum Color { RED, GREEN, BLUE }
}
