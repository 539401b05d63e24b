// generate-test: the test-source adjoint lands under generated-test-sources and the test uses it
assert new File(basedir, 'target/generated-test-sources/adjoint/p/PhysicsAdjoint.java').isFile()
assert !new File(basedir, 'target/generated-sources/adjoint').exists()
assert new File(basedir, 'target/adjoint/generate-test.state').isFile()
assert new File(basedir, 'target/test-classes/p/PhysicsAdjoint.class').isFile()
String log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
return true
