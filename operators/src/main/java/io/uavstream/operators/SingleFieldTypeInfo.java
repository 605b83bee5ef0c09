package io.uavstream.operators;

import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * Base of the uavstream type informations whose values Flink treats as one opaque field with a
 * serializer of uavstream's own, never as a POJO, tuple or key type. Two instances are equal when
 * they are of the same class for the same value class.
 */
abstract class SingleFieldTypeInfo<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> typeClass;

    SingleFieldTypeInfo(Class<T> typeClass) {
        this.typeClass = Objects.requireNonNull(typeClass, "typeClass");
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<T> getTypeClass() {
        return typeClass;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public String toString() {
        return typeClass.getSimpleName();
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass()
                && ((SingleFieldTypeInfo<?>) other).typeClass.equals(typeClass);
    }

    @Override
    public int hashCode() {
        return 31 * getClass().hashCode() + typeClass.hashCode();
    }

    @Override
    public boolean canEqual(Object other) {
        return other != null && other.getClass() == getClass();
    }
}
