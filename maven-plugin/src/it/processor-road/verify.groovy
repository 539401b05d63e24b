// processor-road: the plugin's adjoint and the processor's are the same bytes; the processor's passed its test.
File byPlugin = new File(basedir, 'with-plugin/target/generated-sources/adjoint/p/ModelAdjoint.java')
File byProcessor = new File(basedir, 'with-processor/target/generated-sources/annotations/p/ModelAdjoint.java')
assert byPlugin.isFile() : "missing ${byPlugin}"
assert byProcessor.isFile() : "missing ${byProcessor}"
assert byPlugin.bytes == byProcessor.bytes : 'the plugin and the processor wrote different adjoints'
assert byPlugin.text.contains('lossGrad(')

String log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
return true
