// happy-path: the adjoint was generated where the build expects it, compiled, and its test passed;
// adjoint:show printed the generated Java.
File generated = new File(basedir, 'target/generated-sources/adjoint/p/ModelAdjoint.java')
assert generated.isFile() : "missing ${generated}"
assert generated.text.contains('lossGrad(')

// the design card's instance method, public class Model { @Differentiable float loss(float[] x) }
File card = new File(basedir, 'target/generated-sources/adjoint/card/ModelAdjoint.java')
assert card.isFile() : "missing ${card}"
assert card.text.contains('static float lossGrad(Model self, float[] x, float[] dx)')

String log = new File(basedir, 'build.log').text
assert log.contains('adjoint: 2 file(s) written, 0 unchanged')
assert log.contains('Tests run: 4, Failures: 0, Errors: 0, Skipped: 0')

// invocation 2: the show goal prints the class, source text and all
boolean showHeader = log =~ /adjoint: adjoint of p\.Model#loss \(p\.ModelAdjoint\):/
boolean showClass = log =~ /(?m)^(public )?(final )?class ModelAdjoint\b/
assert showHeader
assert showClass
return true
