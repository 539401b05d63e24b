// the report: one row per method with its strategy and, for a fallback, the construct and position
File report = new File(basedir, 'target/adjoint/report.md')
assert report.isFile() : "missing ${report}"
String text = report.text
assert text.contains('| `p.Model#piecewise` | tape | Model.java:[12,20] recursive call to \'piecewise\' is not supported by the static strategy')
assert text.contains('| `p.Model#taped` | tape | strategy = TAPE |')
assert text.contains('| `p.Model#fast` | static |  |')
String log = new File(basedir, 'build.log').text
// a fallback is never silent: a warning that says what it costs
assert log =~ /\[WARNING\] adjoint: p\.Model#piecewise: tape, because Model\.java:\[12,20\].*about 4x slower/
assert log.contains('[INFO] adjoint: p.Model#fast: static')
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
return true
