package dev.adjoint.samples;

import dev.adjoint.samples.fit.LineFit;
import dev.adjoint.samples.newton.NewtonDemo;
import dev.adjoint.samples.tour.AutogradTour;

/** The samples in one run: {@code ./mvnw -B -q -Pdemo -DskipTests package -pl samples -am}. */
public final class Demo {
    private Demo() {}

    /** Prints each demo under a heading. */
    public static void main(String[] args) {
        System.out.println("== Autograd tour (the notebook, cell by cell) ==");
        AutogradTour.run(System.out, 42);
        System.out.println();
        System.out.println("== Line fit with generated gradients (LineFitAdjoint, written by the build) ==");
        LineFit.run(System.out);
        System.out.println();
        System.out.println(
                "== Newton-CG with generated gradients and Hessian-vector products (TestFunctionsAdjoint) ==");
        NewtonDemo.run(System.out, 10_000);
    }
}
