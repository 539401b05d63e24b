// java21: Java 21 syntax elsewhere and in the file of the @Differentiable method never fails the
// build; the adjoint is generated, compiled at release 21 and its test passes on a JDK >= 21; Java 21's
// Math.clamp is differentiated (against central differences, the tape, the Jvp; float; it throws alike)
File generated = new File(basedir, 'target/generated-sources/adjoint/p/ModelAdjoint.java')
assert generated.isFile() : "missing ${generated}"
String log = new File(basedir, 'build.log').text
assert log.contains('adjoint: p.Model#energy: static')
assert !log.contains('not read by adjoint')
assert log.contains('adjoint: p.Model#clamped: static')
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
return true
