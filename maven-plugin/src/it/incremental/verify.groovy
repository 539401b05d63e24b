// after both builds: the second found nothing to do and left the adjoint untouched
File generated = new File(basedir, 'target/generated-sources/adjoint/p/ModelAdjoint.java')
assert generated.isFile() : "missing ${generated}"
Properties first = new Properties()
new File(basedir, 'target/first-build.properties').withInputStream { first.load(it) }
assert generated.lastModified() == Long.parseLong(first.getProperty('lastModified')) : 'the second build rewrote the adjoint'

// build.log holds both invocations, one after the other
String log = new File(basedir, 'build.log').text
assert log.count('BUILD SUCCESS') == 2
assert log.count('file(s) written') == 1 : 'only the first build may write'
assert log.count('adjoint: nothing changed since the last build') == 1
assert log.indexOf('file(s) written') < log.indexOf('nothing changed')
assert new File(basedir, 'target/adjoint/generate.state').isFile()
return true
