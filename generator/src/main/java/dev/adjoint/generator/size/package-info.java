/**
 * How large a generated method's bytecode will be, estimated before javac sees it: the JVM refuses
 * methods over 64 KiB, so a method whose adjoint would exceed the limit is an error at the method
 * (with how to split it) instead of a javac failure in generated code. The bound is never below
 * what javac produces ({@code MethodSizeTest}).
 */
package dev.adjoint.generator.size;
