package io.loomcql.type;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The value of a CQL {@code vector<element, n>} column: a fixed-length, immutable sequence of
 * non-null elements. It is not a {@link List} on purpose (a vector is not a CQL list and binds
 * differently), but {@link #asList()} gives a read-only view. Float vectors can also be bound as
 * a {@code float[]}.
 *
 * @param <T> the element type, for example {@code Float}
 */
public final class CqlVector<T> implements Iterable<T> {
  private final List<T> elements;

  private CqlVector(List<T> elements) {
    this.elements = elements;
  }

  /**
   * A vector of these elements, in order.
   *
   * @param <T> the element type
   * @param elements the elements; copied
   * @return the vector
   * @throws NullPointerException when an element is null (vectors have no null elements)
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array only feeds List.of, which copies it
  public static <T> CqlVector<T> of(T... elements) {
    return new CqlVector<>(List.of(elements));
  }

  /**
   * A vector with the elements of the list, in order (copied).
   *
   * @param <T> the element type
   * @param elements the elements
   * @return the vector
   * @throws NullPointerException when an element is null
   */
  public static <T> CqlVector<T> newInstance(List<? extends T> elements) {
    return new CqlVector<>(List.copyOf(elements));
  }

  /**
   * A float vector from primitive floats (the usual form of an embedding).
   *
   * @param elements the elements; copied
   * @return the vector
   */
  public static CqlVector<Float> ofFloats(float... elements) {
    List<Float> boxed = new ArrayList<>(elements.length);
    for (float element : elements) {
      boxed.add(element);
    }
    return new CqlVector<>(List.copyOf(boxed));
  }

  /**
   * The number of elements, which must equal the column's dimension when bound.
   *
   * @return the count
   */
  public int size() {
    return elements.size();
  }

  /**
   * One element.
   *
   * @param index the element's position, from 0
   * @return the element, never {@code null}
   * @throws IndexOutOfBoundsException if there is no such element
   */
  public T get(int index) {
    return elements.get(index);
  }

  /**
   * Whether the vector has no element. A CQL vector has at least one, so only a vector built by
   * hand can be empty, and it fits no vector column.
   *
   * @return {@code true} if there is no element
   */
  public boolean isEmpty() {
    return elements.isEmpty();
  }

  /**
   * A read-only list view of the elements.
   *
   * @return the elements, in order
   */
  public List<T> asList() {
    return elements;
  }

  /**
   * The elements as a stream.
   *
   * @return a sequential stream of the elements, in order
   */
  public Stream<T> stream() {
    return elements.stream();
  }

  @Override
  public Iterator<T> iterator() {
    return elements.iterator();
  }

  /**
   * The elements as primitive floats; each element must be a {@link Number}.
   *
   * @return a new array, which the caller may change
   * @throws ClassCastException if an element is not a {@link Number}
   */
  public float[] toFloatArray() {
    float[] out = new float[elements.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((Number) elements.get(i)).floatValue();
    }
    return out;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CqlVector<?> that && elements.equals(that.elements);
  }

  @Override
  public int hashCode() {
    return Objects.hash(elements);
  }

  @Override
  public String toString() {
    return elements.toString();
  }
}
