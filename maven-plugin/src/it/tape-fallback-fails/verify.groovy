// failOnTapeFallback: the switch is reported where it is, the method is named, the build fails once.
String log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] \S*Model\.java:\[10,9\] 'switch' statement is not supported/
assert log =~ /\[ERROR\] \S*Model\.java:\[8,19\] method 'piecewise' would fall back to the tape strategy/
assert log.contains('adjoint.failOnTapeFallback is set')
assert log.contains('adjoint: 2 error(s); see above')
assert !log.contains('at dev.adjoint.generator') : 'the generator threw'
assert !new File(basedir, 'target/generated-sources/adjoint/p/ModelAdjoint.java').exists()
return true
