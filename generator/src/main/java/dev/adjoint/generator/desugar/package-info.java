/**
 * The desugar pass, run once on each selected method before either strategy reads it: library
 * calls that move data ({@code System.arraycopy}, {@code Arrays.fill}, {@code Arrays.copyOf},
 * {@code copyOfRange}, {@code clone()}) become the loops they stand for, and arrow-form
 * {@code switch} statements (classic and arrow) and {@code switch} expressions in statement position
 * become the {@code if}/{@code else} chains they mean (one inside a larger expression first becomes
 * a local declared before its statement, what Java evaluates before it computed first); assignments and updates inside expressions
 * become statements in Java's order of evaluation; a variable naming a row of a 2-D array
 * ({@code for (double[] row : X)}, {@code double[] row = X[i]}) becomes the element accesses it
 * stands for, and a second name for a whole array ({@code double[] p = w}) the first; array
 * initialisers become the creation and the stores; arrays returned from several places, each built in place
 * with the same number of values, one array created first that each {@code return} fills, and arrays of different
 * lengths, each new in the call, one variable declared first that each {@code return} assigns its array (or a copy)
 * ({@code ResultVariable}); an array parameter the method writes, or a row of one, passed to a method that stays a
 * call and only reads, a copy taken before the statement ({@code ArgumentSnapshots}); a local array created inside a
 * loop or block is
 * created once before the top-level statement around it and cleared where it was created (one of
 * a row's length, {@code new double[X[i].length]}, or of one that changes with the counters of the
 * loops around it, {@code new double[i + 1]}, at the greatest length, its own length in a local and
 * its indices checked against it); a ragged local 2-D array whose rows are created one by one
 * ({@code tri[i] = new double[i + 1]}) is one rectangular array as wide as the longest row, each row's
 * length kept in an {@code int[]}; a
 * {@code for} header stepping a floating-point variable moves its parts into the loop; a label on a
 * block or another statement that is not a loop becomes a label on a loop that runs it once; a call to a
 * non-recursive helper of the method's class becomes the helper's body, its array parameters the
 * arguments' names and its locals fresh ones (so does a call of a {@code @Differentiable} method of
 * the class given a row {@code X[i]}, which the static strategy cannot pass whole); a logging statement or level
 * check on a logger field of the class names the logger by the lookup that made it ({@code LoggerCalls}), which the
 * adjoint class can write. Both strategies then differentiate
 * the same, ordinary Java; what this pass does not rewrite is left for the fences to judge. Once, on all the
 * parsed sources before any method is selected, {@code VarargsCalls} gives variable-arity methods of a
 * primitive element type an array parameter, and their calls the array javac makes (declared just before
 * the statement, by {@code SpreadArguments}, where the callee is a {@code @Differentiable} method).
 */
package dev.adjoint.generator.desugar;
