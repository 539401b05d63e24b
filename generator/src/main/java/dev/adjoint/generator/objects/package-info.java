/**
 * Objects as differentiable inputs: turns an instance method of a class of the sources, and a
 * record parameter, into the static form of primitive parameters the other passes handle. The
 * object's numeric fields become <em>leaves</em>, parameters appended to the method (their values
 * on entry, loaded once by the generated code), calls to the class's other instance methods pass
 * them on, and {@code wrt = "this"} names them; a scalar field they assign is a one-element array
 * leaf that the generated code fills from the field and copies back (an array written in place,
 * with that semantics); a record parameter becomes one parameter per
 * component, in its place, and {@code wrt} naming it names them. A record the method creates in a
 * local variable becomes one local per component (scalar replacement), as does an object of a class
 * whose constructor only assigns its parameters to fields, and a record (or an element of an array
 * of records) passed to a {@code @Differentiable} method or a plain helper of the sources, static or
 * an instance method of the class, goes as its components. A record nested in
 * a record parameter is its components' leaves too ({@code o.in().x()}); an array of records or
 * objects ({@code Layer[] layers}) becomes leaves gathered from its elements without copying
 * ({@link dev.adjoint.generator.objects.Receiver.Elements}), its aliases and for-each loops
 * indices first. A field of the object that holds a record or such an array ({@code Layer[] layers}
 * of a {@code Net}) becomes a parameter of the differentiated method that reads it
 * ({@link dev.adjoint.generator.objects.HeldObjects}), and so the same leaves, remembered as held;
 * a plain instance method it calls that reads one takes them from its caller and is inlined
 * ({@link dev.adjoint.generator.objects.HeldCallees}). A parameter of a plain class of the sources
 * is taken as a record parameter is, its fields read as {@code s.x}. A record's or such an
 * object's own methods computing one expression, called on a variable ({@code u.dot(v)}), are
 * first replaced by that expression ({@link dev.adjoint.generator.objects.ValueMethods}), so that
 * the rest reads only components. Before all of these, a {@code java.util.List} parameter read as data
 * becomes the array it stands for ({@link dev.adjoint.generator.objects.ListParameters}: a
 * {@code List<Obs>} an {@code Obs[]}, a {@code List<Double>} a {@code double[]}), the public methods
 * keeping the list ({@link dev.adjoint.generator.objects.ListParam}).
 * The facts the emitter and the call sites need ({@link dev.adjoint.generator.objects.Receiver})
 * ride on the lifted declaration.
 */
package dev.adjoint.generator.objects;
