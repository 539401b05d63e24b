// skip: one log line, no generated file, no state, and the sources still compiled
String log = new File(basedir, 'build.log').text
assert log.contains('[INFO] adjoint: skipped')
assert !log.contains('file(s) written')
assert !new File(basedir, 'target/generated-sources/adjoint').exists()
assert !new File(basedir, 'target/adjoint').exists()
assert new File(basedir, 'target/classes/p/Model.class').isFile()
return true
