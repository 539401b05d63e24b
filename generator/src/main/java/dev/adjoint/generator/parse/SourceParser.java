package dev.adjoint.generator.parse;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseException;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import dev.adjoint.generator.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Parses one file; never throws on bad input. */
public final class SourceParser {
    private SourceParser() {}

    /** A parsed file, or the problems that stopped it. */
    public record Parsed(Path file, Optional<CompilationUnit> unit, List<Diagnostic> diagnostics) {}

    /**
     * The language level sources are read at: the newest that JavaParser knows, so that a file of
     * modern syntax (record patterns, pattern {@code switch}, text blocks, sealed types) parses;
     * javac, at the project's own release, is the judge of what the project may use. The passes
     * reject, at its position, any construct of a differentiated method they do not know.
     */
    public static final ParserConfiguration.LanguageLevel LEVEL = ParserConfiguration.LanguageLevel.JAVA_25;

    /** Parses {@code source} at {@link #LEVEL} (a new parser each time: no shared static state). */
    public static Parsed parse(Path file, String source) {
        ParserConfiguration config =
                new ParserConfiguration().setLanguageLevel(LEVEL).setAttributeComments(false);
        ParseResult<CompilationUnit> result;
        try {
            result = new JavaParser(config).parse(source);
        } catch (RuntimeException e) {
            return new Parsed(
                    file,
                    Optional.empty(),
                    List.of(Diagnostic.error(file, 1, 1, "cannot parse this file: " + e.getMessage())));
        } catch (StackOverflowError e) {
            return new Parsed(file, Optional.empty(), List.of(tooDeep(file, source)));
        }
        if (result.isSuccessful() && result.getResult().isPresent()) {
            result.getResult().get().setStorage(file); // (its name, for the comments of inlined helpers; never saved)
            return new Parsed(file, result.getResult(), List.of());
        }
        List<Diagnostic> ds =
                result.getProblems().stream().map(p -> toDiagnostic(file, p)).toList();
        if (ds.isEmpty()) {
            ds = List.of(Diagnostic.error(file, 1, 1, "cannot parse this file"));
        }
        return new Parsed(file, Optional.empty(), ds);
    }

    /** {@code text} read as the arguments of a call ({@code new double[] {1, 2}, 0.5}), or empty when it is not that. */
    public static Optional<List<com.github.javaparser.ast.expr.Expression>> parseArguments(String text) {
        ParserConfiguration config =
                new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
        try {
            ParseResult<com.github.javaparser.ast.expr.Expression> r =
                    new JavaParser(config).parseExpression("f(" + text + ")");
            return r.isSuccessful()
                            && r.getResult().isPresent()
                            && r.getResult().get().isMethodCallExpr()
                    ? Optional.of(r.getResult().get().asMethodCallExpr().getArguments())
                    : Optional.empty();
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.empty();
        }
    }

    /**
     * A file nested too deeply to parse, positioned where its brackets are deepest (the parser's
     * recursion follows them); a rough scan that skips comments and string literals.
     */
    public static Diagnostic tooDeep(Path file, String source) {
        int depth = 0;
        int deepest = -1;
        int at = 0;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < source.length() && source.charAt(i + 1) == '/') {
                i = Math.max(i, source.indexOf('\n', i) < 0 ? source.length() : source.indexOf('\n', i));
            } else if (c == '/' && i + 1 < source.length() && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 1;
            } else if (c == '"' || c == '\'') {
                for (i++; i < source.length() && source.charAt(i) != c && source.charAt(i) != '\n'; i++) {
                    if (source.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (c == '(' || c == '[' || c == '{') {
                if (++depth > deepest) {
                    deepest = depth;
                    at = i;
                }
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            }
        }
        String before = source.substring(0, at);
        int line = 1 + (int) before.chars().filter(ch -> ch == '\n').count();
        int column = at - before.lastIndexOf('\n');
        return Diagnostic.error(
                file,
                line,
                column,
                "this file is nested too deeply for Adjoint's parser (" + deepest
                        + " levels of brackets here); compute parts of the expression into local variables");
    }

    private static Diagnostic toDiagnostic(Path file, Problem p) {
        int line = 0;
        int col = 0;
        // the token the message names ('Found "*"') follows the last one the parser accepted; the problem's
        // location is not it (it may end at the ';' after it, or at the accepted token itself)
        com.github.javaparser.Token found = p.getCause()
                .filter(c -> c instanceof ParseException)
                .map(c -> ((ParseException) c).currentToken)
                .map(t -> t.next)
                .orElse(null);
        if (found != null && found.beginLine > 0) {
            line = found.beginLine;
            col = found.beginColumn;
        } else if (p.getLocation().isPresent()
                && p.getLocation().get().getEnd().getRange().isPresent()) {
            var begin = p.getLocation().get().getEnd().getRange().get().begin;
            line = begin.line;
            col = begin.column;
        }
        String msg = p.getMessage().lines().findFirst().orElse("syntax error").trim();
        msg = msg.replaceFirst("^Parse error\\.\\s*", "");
        int expected = msg.indexOf(", expected one of");
        if (expected >= 0 && msg.length() - expected > 80) {
            msg = msg.substring(0, expected) + ", which does not fit here";
        }
        return Diagnostic.error(
                file,
                line,
                col,
                "syntax error: " + msg
                        + " (Adjoint reads the source before javac does; fix the syntax and build again)");
    }
}
