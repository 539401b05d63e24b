// generated-checks: the build wrote ModelGradientTest; the right gradients passed, the broken custom
// derivative failed the build with the parameter named.
File test = new File(basedir, 'target/generated-test-sources/adjoint-checks/p/ModelGradientTest.java')
assert test.isFile() : "missing ${test}"
assert test.text.contains('check.assertAt(0.25f, new float[] {1f, -2f});')
// and static against tape: the class's tape twin and its adjoint sit beside the test
assert test.text.contains('.againstTape(ModelTapeTwin.class);')
assert new File(basedir, 'target/generated-test-sources/adjoint-checks/p/ModelTapeTwinAdjoint.java').isFile()

String log = new File(basedir, 'build.log').text
// generate-test, in the same build, left the generated tests alone: no second ModelTapeTwinAdjoint
assert !new File(basedir, 'target/generated-test-sources/adjoint/p/ModelTapeTwinAdjoint.java').exists()
assert !log.contains('duplicate class')
assert log.contains('adjoint: gradient tests: 3 file(s) written, 0 unchanged')
assert log.contains('Tests run: 3, Failures: 1, Errors: 0, Skipped: 0')
assert log =~ /gradient check of p\.Model#smooth FAILED: worst component a of 4/
assert !(log =~ /gradient check of p\.Model#(loss|spring) FAILED/)
return true
