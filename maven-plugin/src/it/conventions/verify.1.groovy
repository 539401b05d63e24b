// adjoint:help: every goal, and the parameters with their properties
String log = new File(basedir, 'build.log').text
for (String s : ['adjoint:generate', 'adjoint:generate-test', 'adjoint:show', 'adjoint:help',
                 'failOnTapeFallback', 'User property: adjoint.verbose', 'User property: adjoint.method']) {
    assert log.contains(s) : "help lacks ${s}"
}
return true
