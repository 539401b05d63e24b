// happy-path: the adjoint was generated where the build expects it, compiled, and its test passed;
// adjoint:show printed the generated Java.
File generated = new File(basedir, 'target/generated-sources/adjoint/p/ModelAdjoint.java')
assert generated.isFile() : "missing ${generated}"
assert generated.text.contains('lossGrad(')

String log = new File(basedir, 'build.log').text
assert log.contains('adjoint: 1 file(s) written, 0 unchanged')
assert log.contains('Tests run: 3, Failures: 0, Errors: 0, Skipped: 0')

// invocation 2: the show goal prints the class, source text and all
boolean showHeader = log =~ /adjoint: adjoint of p\.Model#loss \(p\.ModelAdjoint\):/
boolean showClass = log =~ /(?m)^(public )?(final )?class ModelAdjoint\b/
assert showHeader
assert showClass
return true
