// failOnTapeFallback: the recursive call is reported where it is, the method is named with the cause's position,
// the build fails once.
String log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] \S*Model\.java:\[12,20\] recursive call to 'piecewise' is not supported/
assert log =~ /\[ERROR\] \S*Model\.java:\[8,19\] method 'piecewise' would fall back to the tape strategy because of the error at Model\.java:\[12,20\]/
assert log.contains('adjoint.failOnTapeFallback is set')
// the cause does not claim that AUTO goes on with the tape, which it does not under this property
assert log.contains('AUTO uses the tape strategy for it (unless adjoint.failOnTapeFallback is set)')
assert log.contains('adjoint: 2 error(s); see above')
assert !log.contains('at dev.adjoint.generator') : 'the generator threw'
assert !new File(basedir, 'target/generated-sources/adjoint/p/ModelAdjoint.java').exists()
return true
