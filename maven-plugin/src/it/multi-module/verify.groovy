// multi-module: b's adjoint calls a's adjoint (found on b's classpath); b's tests passed against central differences.
File a = new File(basedir, 'a/target/generated-sources/adjoint/a/AAdjoint.java')
File b = new File(basedir, 'b/target/generated-sources/adjoint/b/BAdjoint.java')
assert a.isFile() : "missing ${a}"
assert b.isFile() : "missing ${b}"
assert !new File(basedir, 'b/target/generated-sources/adjoint/a').exists() : 'b must not write a\'s adjoint'
assert b.text.contains('a.AAdjoint.sqVjp(') : 'the static method calls a\'s adjoint'
assert b.text.contains('a.AAdjoint.sumSinVjp(') : 'an array goes to a method that provably reads it only'

String log = new File(basedir, 'build.log').text
assert log.contains('b.B#f: static')
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
assert !log.contains('Exception')

// invocation 2: adjoint:show at the root; module a does not declare b.B#f and leaves it to b, which shows the
// adjoint generate writes (a's adjoint called through b's classpath)
assert log.contains('adjoint: b.B#f is not in this module\'s sources') : 'module a passes'
assert log =~ /adjoint: adjoint of b\.B#f \(b\.BAdjoint\):/ : 'module b shows the method'
assert log.contains('BUILD SUCCESS')
assert !log.contains('BUILD FAILURE')
return true
