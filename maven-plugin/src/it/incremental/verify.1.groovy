// after the first build: remember when the adjoint was written
File generated = new File(basedir, 'target/generated-sources/adjoint/p/ModelAdjoint.java')
assert generated.isFile() : "missing ${generated}"
new File(basedir, 'target/first-build.properties').text = "lastModified=${generated.lastModified()}\n"
return true
