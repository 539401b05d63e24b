// the pom-packaged parent: nothing at INFO; the module: the method line, verbose details, and
// generate-test skipped by maven.test.skip in one line
String log = new File(basedir, 'build.log').text
assert log.count('file(s) written') == 1 : 'the pom-packaged parent ran generate'
assert log.contains('[INFO] adjoint: p.Model#loss: static')
assert log.contains('[INFO] adjoint: wrote ')
assert log =~ /\[INFO\] adjoint: report: .*report\.md/
assert log =~ /\[INFO\] adjoint: generation took \d+ ms/
assert log.count('[INFO] adjoint: skipped (maven.test.skip)') == 1
assert !new File(basedir, 'target').exists() || !new File(basedir, 'target/generated-sources').exists()
assert new File(basedir, 'm/target/generated-sources/adjoint/p/ModelAdjoint.java').isFile()
assert !new File(basedir, 'm/target/generated-test-sources').exists()
return true
