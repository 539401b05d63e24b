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
return true
