package dev.adjoint.gradbench.evals;

import dev.adjoint.DoubleGrad;
import dev.adjoint.gradbench.model.Hello;
import dev.adjoint.gradbench.model.HelloAdjoint;

/** {@code hello}: {@code square} is the primal, {@code double} its generated derivative. */
final class HelloEval implements Eval {
    @Override
    public Call prepare(String function, Object input) {
        double x = Inputs.doubleValue(input, "input");
        switch (function) {
            case "square":
                return new Call() {
                    double y;

                    @Override
                    public void run() {
                        y = Hello.square(x);
                    }

                    @Override
                    public Object output() {
                        return y;
                    }
                };
            case "double":
                return new Call() {
                    final DoubleGrad dx = new DoubleGrad();

                    @Override
                    public void run() {
                        dx.zero();
                        HelloAdjoint.squareGrad(x, dx);
                    }

                    @Override
                    public Object output() {
                        return dx.get();
                    }
                };
            default:
                throw Inputs.unknownFunction("hello", function);
        }
    }
}
