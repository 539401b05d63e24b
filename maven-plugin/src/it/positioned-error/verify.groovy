// positioned-error: both unsupported constructs are reported javac-style at the column where the
// statement starts, in one build that then fails once, without a stack trace and without output.
String log = new File(basedir, 'build.log').text

// line and column of 'try' and of 'synchronized' in src/main/java/p/Model.java
boolean tryAt12_9 = log =~ /\[ERROR\] \S*Model\.java:\[12,9\] /
boolean synchronizedAt24_13 = log =~ /\[ERROR\] \S*Model\.java:\[24,13\] /
assert tryAt12_9
assert synchronizedAt24_13
assert log.contains('adjoint: 2 error(s); see above')

// A user error is a MojoFailureException: Maven prints no stack trace for it. The invoker runs
// the build with -e, which appends the exception chain after BUILD FAILURE; before that line a
// user sees only the positioned errors, and the chain must show no unexpected exception.
int summary = log.indexOf('BUILD FAILURE')
assert summary > 0
String report = log.substring(0, summary)
boolean stackFrameBeforeSummary = report =~ /(?m)^\s+at [\w.$]+ ?\(/
assert !stackFrameBeforeSummary
assert !log.contains('at dev.adjoint.generator') : 'the generator threw'
assert !log.contains('Exception in thread')
assert log.contains('org.apache.maven.plugin.MojoFailureException: adjoint: 2 error(s)')
assert !log.contains('MojoExecutionException')
assert !log.contains('PluginExecutionException')

// nothing written: neither the adjoint nor the incremental state of a failed run
assert !new File(basedir, 'target/generated-sources/adjoint/p/ModelAdjoint.java').exists()
assert !new File(basedir, 'target/adjoint/generate.state').exists()
return true
